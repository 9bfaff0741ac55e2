/**
 * How long records that exist only to make the portal work are kept, in days
 * (RETENTION_DAYS). Pure: the privacy page shows these numbers and the
 * scheduled purge (retention.ts) uses them.
 *
 * RETENTION_DAYS is either one number for all three (`RETENTION_DAYS=60`) or
 * a list per kind (`RETENTION_DAYS=notifications=365,email=90,signin=30`);
 * a kind left out, or given something that is not a whole number of at least
 * one day, keeps its default.
 */
export type RetentionDays = { notifications: number; email: number; signIn: number };

export const DEFAULT_RETENTION_DAYS: RetentionDays = { notifications: 365, email: 90, signIn: 30 };

const KEYS: Record<string, keyof RetentionDays> = { notifications: "notifications", email: "email", signin: "signIn" };

function wholeDays(value: string): number | null {
  return /^\d{1,5}$/.test(value.trim()) && Number(value) >= 1 ? Number(value) : null;
}

export function retentionDays(value: string | undefined = process.env.RETENTION_DAYS): RetentionDays {
  const days = { ...DEFAULT_RETENTION_DAYS };
  if (!value?.trim()) return days;
  const all = wholeDays(value);
  if (all !== null) return { notifications: all, email: all, signIn: all };
  for (const part of value.split(",")) {
    const [name = "", number = ""] = part.split("=");
    const key = KEYS[name.trim().toLowerCase()];
    const parsed = wholeDays(number);
    if (key && parsed !== null) days[key] = parsed;
  }
  return days;
}

/** The moment before which a record of `days` days' retention is due for removal. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
