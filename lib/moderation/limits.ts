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

/** The review queue's choices (lib/moderation/queue-params.ts parses them from the URL). */
export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export const QUEUE_STATES = ["open", "hidden", "all"] as const;
export const QUEUE_SORTS = ["reports", "age"] as const;
export const QUEUE_TYPES = ["any", "UPDATE", "COMMENT"] as const;

/** The queue's own order and page size, left out of its links. */
export const QUEUE_TABLE_DEFAULTS = { sort: "reports", dir: "desc", perPage: 25 } as const;
