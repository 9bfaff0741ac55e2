import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { answerInspirationAction } from "@/lib/inspiration/actions";
import { getInspirationNotice, listChapterThemes } from "@/lib/inspiration/queries";
import { can, type Actor } from "@/lib/policy/permissions";
import { ProposeForm } from "./propose-form";
import { StepForm, type Step } from "./step-form";

type Notice = NonNullable<Awaited<ReturnType<typeof getInspirationNotice>>>;
type Entry = NonNullable<Notice["entry"]>;

/** The author's side: the request and their answer. Nobody else sees these buttons. */
async function AuthorPart({ entry, listed }: { entry: Entry; listed: boolean }) {
  const [t, format] = await Promise.all([getTranslations("inspiration.consent"), getFormatter()]);
  const chapter = entry.theme?.name ?? t("noChapter");
  const steps: Step[] =
    entry.consent === "REQUESTED"
      ? [
          { step: "accept", label: t("accept") },
          { step: "decline", label: t("decline") },
        ]
      : entry.consent === "ACCEPTED"
        ? [{ step: "withdraw", label: t("withdraw"), danger: true }]
        : [{ step: "accept", label: t("acceptAfterAll") }];
  const respondedOn = entry.respondedAt ? format.dateTime(entry.respondedAt, { dateStyle: "long" }) : "";
  return (
    <div className="space-y-3">
      {entry.consent === "REQUESTED" ? (
        <>
          <p className="font-semibold">{t("requested", { chapter })}</p>
          {entry.introduction ? (
            <blockquote className="border-l-4 border-slate-300 pl-4 text-slate-800">
              <p className="text-sm font-semibold text-slate-700">{t("introductionLabel")}</p>
              <p className="whitespace-pre-line">{entry.introduction}</p>
            </blockquote>
          ) : null}
          <p>{t("whatGoesPublic")}</p>
          <p>{t("canWithdraw")}</p>
        </>
      ) : null}
      {entry.consent === "ACCEPTED" ? (
        <>
          <p className="font-semibold">{t("accepted", { date: respondedOn })}</p>
          <p>{entry.public ? t("inBook") : listed ? t("notYetInBook") : t("notListed")}</p>
          {entry.public ? <Link href={`/inspiratie#voorbeeld-${entry.id}`}>{t("viewInBook")}</Link> : null}
        </>
      ) : null}
      {entry.consent === "DECLINED" ? <p className="font-semibold">{t("declined", { date: respondedOn })}</p> : null}
      <StepForm
        action={answerInspirationAction}
        fields={{ entryId: entry.id }}
        steps={steps}
        label={t("formLabel")}
        done={{ accept: t("doneAccept"), decline: t("doneDecline"), withdraw: t("doneWithdraw") }}
      />
    </div>
  );
}

/** The coordinators' side: where the entry stands, or the form that proposes the update. */
async function StaffPart({ notice, updateId }: { notice: Notice; updateId: string }) {
  const t = await getTranslations("inspiration");
  const { entry } = notice;
  if (entry) {
    return (
      <p>
        {t("staff.state", { consent: t(`consentState.${entry.consent}`), published: t(entry.public ? "staff.public" : "staff.notPublic") })}{" "}
        <Link href={`/beheer/inspiratie#voorstel-${entry.id}`}>{t("staff.manage")}</Link>
      </p>
    );
  }
  if (!notice.listed) return null;
  const themes = await listChapterThemes(await getLocale());
  const defaultThemeId = notice.updateThemeIds.find((id) => themes.some((theme) => theme.id === id)) ?? null;
  return <ProposeForm updateId={updateId} themes={themes} defaultThemeId={defaultThemeId} />;
}

/** Slot: the inspiration-book status of this update (consent request for its author, curation for staff), on the update page. */
export async function InspirationNotice({ updateId, actor }: { updateId: string; actor: Actor }) {
  const staff = can(actor, "inspiration:curate");
  if (!staff && !can(actor, "inspiration:consent")) return null;
  const notice = await getInspirationNotice(updateId, actor, await getLocale());
  if (!notice) return null;
  const author = notice.own && notice.entry !== null;
  if (!author && !staff) return null;
  if (!author && !notice.entry && !notice.listed) return null;
  const t = await getTranslations("inspiration");
  return (
    <section aria-labelledby="inspiratie-titel" className="space-y-3 rounded border-l-4 border-brand bg-brand-light px-4 py-3">
      <h2 id="inspiratie-titel" className="text-lg font-semibold">
        {t("notice.title")}
      </h2>
      {author && notice.entry ? <AuthorPart entry={notice.entry} listed={notice.listed} /> : null}
      {staff ? <StaffPart notice={notice} updateId={updateId} /> : null}
    </section>
  );
}
