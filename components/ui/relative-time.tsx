import { useFormatter, useLocale } from "next-intl";
import { formatRelativeTime } from "@/lib/relative-time";

/**
 * "3 dagen geleden" in a <time> whose title (and dateTime) hold the exact
 * moment. The caller passes `now` (taken once on the server for the whole
 * page), so the text is the same wherever it renders and never differs on
 * hydration; it does not tick.
 */
export function RelativeTime({ date, now, className }: { date: Date; now: Date; className?: string }) {
  const locale = useLocale();
  const format = useFormatter();
  return (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: "long", timeStyle: "short" })} className={className}>
      {formatRelativeTime(date, now, locale)}
    </time>
  );
}
