import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { listOwnConsentRequests } from "@/lib/inspiration/queries";
import type { Actor } from "@/lib/policy/permissions";

/** On the profile page: the inspiration-book requests that wait for the reader's answer (nothing when there are none). */
export async function ConsentRequests({ actor }: { actor: Actor }) {
  const requests = await listOwnConsentRequests(actor);
  if (requests.length === 0) return null;
  const t = await getTranslations("inspiration.requests");
  return (
    <section aria-labelledby="inspiratie-vragen" className="space-y-3 rounded border-l-4 border-brand bg-brand-light px-4 py-3">
      <h2 id="inspiratie-vragen">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul className="list-disc space-y-1 pl-6">
        {requests.map((request) => (
          <li key={request.id}>
            <Link href={`/updates/${request.update.id}#inspiratie-titel`}>{request.update.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
