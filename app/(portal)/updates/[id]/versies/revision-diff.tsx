import { diffWords } from "diff";
import type { listRevisions } from "@/lib/updates/queries";

export type Revision = NonNullable<Awaited<ReturnType<typeof listRevisions>>>["revisions"][number];

/** Unchanged text longer than this is shortened to its ends around the changes. */
const KEEP = 240;

type Part = { kind: "same" | "added" | "removed"; text: string };

/** Shortens long unchanged stretches: only the words next to a change matter. */
function shorten(text: string, position: "first" | "middle" | "last", skipped: string): { text: string; cut: boolean }[] {
  if (position === "first" && text.length > KEEP)
    return [
      { text: skipped, cut: true },
      { text: text.slice(-KEEP), cut: false },
    ];
  if (position === "last" && text.length > KEEP)
    return [
      { text: text.slice(0, KEEP), cut: false },
      { text: skipped, cut: true },
    ];
  if (position === "middle" && text.length > KEEP * 2 + 40) {
    return [
      { text: text.slice(0, KEEP), cut: false },
      { text: skipped, cut: true },
      { text: text.slice(-KEEP), cut: false },
    ];
  }
  return [{ text, cut: false }];
}

/**
 * The body's changes as a word-level diff: <ins> for added, <del> for
 * removed words, with hidden words for screen readers (which often do not
 * announce <ins>/<del>).
 */
export function BodyDiff({
  before,
  after,
  labels,
}: {
  before: string;
  after: string;
  labels: { added: string; removed: string; skipped: string };
}) {
  const parts: Part[] = diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
  return (
    <div className="whitespace-pre-wrap break-words rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm leading-relaxed">
      {parts.map((part, index) => {
        if (part.kind === "added") {
          return (
            <ins key={index} className="rounded-sm bg-green-100 text-green-900 underline decoration-green-800 decoration-2">
              <span className="sr-only">[{labels.added} </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        if (part.kind === "removed") {
          return (
            <del key={index} className="rounded-sm bg-red-100 text-red-900 line-through decoration-red-800 decoration-2">
              <span className="sr-only">[{labels.removed} </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        const position = index === 0 ? "first" : index === parts.length - 1 ? "last" : "middle";
        return (
          <span key={index}>
            {shorten(part.text, position, labels.skipped).map((piece, pieceIndex) =>
              piece.cut ? (
                <span key={pieceIndex} className="mx-1 rounded bg-slate-200 px-1 font-sans text-slate-700 not-italic">
                  {piece.text}
                </span>
              ) : (
                piece.text
              ),
            )}
          </span>
        );
      })}
    </div>
  );
}
