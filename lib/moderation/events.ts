/** The moderation events a notification can tell (lib/moderation/notify.ts); plain strings in the database. */
export const MODERATION_EVENTS = [
  "hidden",
  "restored",
  "deleted",
  "withdrawn",
  "republished",
  "locked",
  "unlocked",
  "reportHandled",
  "autoHidden",
] as const;
export type ModerationEvent = (typeof MODERATION_EVENTS)[number];

export function isModerationEvent(value: unknown): value is ModerationEvent {
  return typeof value === "string" && (MODERATION_EVENTS as readonly string[]).includes(value);
}
