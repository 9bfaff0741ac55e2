import { getFormatter, getTranslations } from "next-intl/server";
import { listFeedbackRequests, suggestFeedbackPeers, type FeedbackRequestView } from "@/lib/feedback/queries";
import { can, type Actor } from "@/lib/policy/permissions";
import { AnswerRequest } from "./answer-request";
import { RequestForm } from "./request-form";

type Words = {
  t: Awaited<ReturnType<typeof getTranslations<"feedback">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

/**
 * The feedback requests on a listed update (on its page, above the comments):
 * each request's question, who asked whom, per peer answered or open, and
 * whether the request is still open ("2 van 3 beantwoord"). A request that
 * asks the reader and is still open for them comes first, highlighted, with
 * "Beantwoord". The update's author (a project leader) gets "Vraag feedback"
 * with suggested peers. Nothing shows for others while there are no requests.
 */
export async function FeedbackRequests({ updateId, updateAuthorId, actor }: { updateId: string; updateAuthorId: string; actor: Actor }) {
  const mayAsk = can(actor, "feedback:request") && actor.id === updateAuthorId;
  const [data, suggestions, t, format] = await Promise.all([
    listFeedbackRequests(actor, updateId),
    mayAsk ? suggestFeedbackPeers(actor, updateId) : Promise.resolve([]),
    getTranslations("feedback"),
    getFormatter(),
  ]);
  if (!data || (!mayAsk && data.requests.length === 0)) return null;
  // Requests waiting for the reader's answer first; otherwise newest first.
  const requests = [...data.requests.filter((request) => request.askedMe), ...data.requests.filter((request) => !request.askedMe)];
  const words: Words = { t, format };

  return (
    <section id="feedback" aria-labelledby="feedback-titel" className="scroll-mt-6 space-y-4 border-t border-slate-300 pt-8">
      <h2 id="feedback-titel">{t("heading")}</h2>
      {requests.length ? (
        <>
          <p>{t("intro")}</p>
          <ol aria-label={t("listLabel")} className="space-y-4">
            {requests.map((request) => (
              <li key={request.id}>
                <Request request={request} updateId={updateId} locked={data.locked} words={words} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {mayAsk ? (
        <details className="rounded border border-slate-300 bg-slate-50 p-4">
          <summary className="cursor-pointer text-lg font-semibold text-brand">{t("ask.open")}</summary>
          <div className="mt-4 space-y-4">
            <p>{t("ask.intro")}</p>
            <RequestForm updateId={updateId} suggestions={suggestions} />
          </div>
        </details>
      ) : null}
    </section>
  );
}

function Request({
  request,
  updateId,
  locked,
  words: { t, format },
}: {
  request: FeedbackRequestView;
  updateId: string;
  locked: boolean;
  words: Words;
}) {
  const headingId = `feedbackverzoek-${request.id}-kop`;
  const highlight = request.askedMe;
  return (
    <article
      id={`feedbackverzoek-${request.id}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      className={`scroll-mt-6 space-y-3 rounded border p-4 outline-none focus-visible:ring-4 focus-visible:ring-amber-600 ${
        highlight ? "border-2 border-amber-700 bg-amber-50" : "border-slate-300 bg-white"
      }`}
    >
      <header className="space-y-1">
        <h3 id={headingId} className="text-base font-semibold">
          {highlight ? t("forYou.heading", { name: request.requester.name }) : t("askedBy", { name: request.requester.name })}
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <time dateTime={request.createdAt.toISOString()}>{format.dateTime(request.createdAt, { dateStyle: "long" })}</time>
          <span aria-hidden="true">·</span>
          <span
            data-testid="feedback-state"
            className={`rounded px-2 py-0.5 text-xs font-semibold ${
              request.open ? "border border-amber-800 bg-white text-amber-900" : "border border-green-800 bg-green-50 text-green-900"
            }`}
          >
            {request.open ? t("open") : t("answered")}: {t("progress", { answered: request.answered, total: request.peers.length })}
          </span>
        </p>
      </header>
      <blockquote className="whitespace-pre-line break-words border-l-4 border-brand pl-4 text-lg">{request.question}</blockquote>
      {highlight ? (
        <div className="space-y-2">
          <p className="text-sm">{t("forYou.intro")}</p>
          {locked ? (
            <p role="note" className="font-semibold">
              {t("forYou.locked")}
            </p>
          ) : (
            <AnswerRequest updateId={updateId} requestId={request.id} requesterName={request.requester.name} />
          )}
        </div>
      ) : null}
      <div>
        <p className="font-semibold">{t("askedOf")}</p>
        <ul className="mt-1 space-y-1">
          {request.peers.map((peer) => (
            <li key={peer.userId} className="flex flex-wrap items-baseline gap-x-2">
              <span>
                {peer.name}
                {peer.municipality ? <span className="text-slate-700"> ({peer.municipality})</span> : null}
              </span>
              <span className={peer.answeredAt ? "text-sm font-semibold text-green-900" : "text-sm text-slate-700"}>
                — {peer.answeredAt ? t("peerAnswered") : t("peerOpen")}
              </span>
              {peer.answerId ? (
                <a href={`#reactie-${peer.answerId}`} className="text-sm">
                  {t("readAnswer")}
                  <span className="sr-only"> {t("readAnswerOf", { name: peer.name })}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
