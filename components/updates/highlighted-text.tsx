import { Fragment } from "react";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/updates/highlight";

/** Renders a search snippet: text between the highlight marks becomes <mark>; nothing is parsed as HTML. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>;
        const [marked = "", rest = ""] = part.split(HIGHLIGHT_END);
        return (
          <Fragment key={index}>
            <mark className="rounded bg-yellow-200 px-0.5 text-slate-900">{marked}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
