/**
 * Moderation's fixed values, without zod, so the report form in the browser
 * can show them (zod there probes `new Function`, which the CSP refuses).
 */
export const REPORT_REASONS = ["SPAM", "OFF_TOPIC", "PERSONAL_DATA", "OFFENSIVE", "OTHER"] as const;
export type ReportReasonValue = (typeof REPORT_REASONS)[number];

export const REPORT_TEXT_MAX = 1000;
export const MODERATION_REASON_MAX = 1000;

/** Open reports from different people that hide an item pending review, unless an admin chose otherwise. */
export const DEFAULT_AUTO_HIDE_THRESHOLD = 3;

/** How long a coordinator's claim on an item holds before another may act on it. */
export const CLAIM_MINUTES = 15;
