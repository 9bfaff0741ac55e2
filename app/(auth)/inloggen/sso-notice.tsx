import { useTranslations } from "next-intl";
import type { BlockNotice } from "@/lib/accounts/block-notice";
import type { SsoProblem } from "@/lib/accounts/oidc-errors";
import { BlockDetails } from "./block-details";

/** Why a single sign-on attempt did not sign the person in; a blocked person also reads the reason and end of the block. */
export function SsoNotice({ problem, notice }: { problem: SsoProblem; notice: BlockNotice | null }) {
  const t = useTranslations("errors");
  return (
    <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="sso-notice">
      {t(`sso.${problem}`)}
      {problem === "blocked" && notice ? <BlockDetails notice={notice} /> : null}
    </p>
  );
}
