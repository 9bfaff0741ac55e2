import { z } from "zod";
import { MODERATION_REASON_MAX, REPORT_REASONS, REPORT_TEXT_MAX } from "./limits";

/** Browsers send a line break in a textarea as CR LF: count it as one character, as the textarea's maxlength does. */
const lines = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value);

const id = z
  .string({ error: "moderation.itemGone" })
  .trim()
  .min(1, { error: "moderation.itemGone" })
  .max(100, { error: "moderation.itemGone" });

/** What a report points at: an update or a comment. */
export const targetSchema = z.discriminatedUnion("targetType", [
  z.object({ targetType: z.literal("UPDATE"), targetId: id }),
  z.object({ targetType: z.literal("COMMENT"), targetId: id }),
]);
export type Target = z.infer<typeof targetSchema>;

/** A report: a reason from the list, and words of one's own (required for "other"). */
export const reportSchema = z
  .object({
    targetType: z.enum(["UPDATE", "COMMENT"], { error: "moderation.itemGone" }),
    targetId: id,
    reason: z.enum(REPORT_REASONS, { error: "moderation.reasonRequired" }),
    text: z.preprocess(lines, z.string().trim().max(REPORT_TEXT_MAX, { error: "moderation.textTooLong" })).default(""),
  })
  .superRefine((value, context) => {
    if (value.reason === "OTHER" && !value.text) context.addIssue({ code: "custom", path: ["text"], message: "moderation.textRequired" });
  });

/** Every moderation action asks why: the author is told, and the audit log keeps it. */
export const reasonSchema = z.preprocess(
  lines,
  z
    .string({ error: "moderation.reasonMissing" })
    .trim()
    .min(3, { error: "moderation.reasonMissing" })
    .max(MODERATION_REASON_MAX, { error: "moderation.reasonTooLong" }),
);

export const targetActionSchema = z.object({
  targetType: z.enum(["UPDATE", "COMMENT"], { error: "moderation.itemGone" }),
  targetId: id,
  reason: reasonSchema,
});

export const updateActionSchema = z.object({ updateId: id, reason: reasonSchema });
export const commentActionSchema = z.object({ commentId: id, reason: reasonSchema });

export const itemSchema = z.object({ itemId: id });
export const itemActionSchema = z.object({ itemId: id, reason: reasonSchema });

export const thresholdSchema = z.object({
  threshold: z.coerce
    .number({ error: "moderation.thresholdInvalid" })
    .int({ error: "moderation.thresholdInvalid" })
    .min(1, { error: "moderation.thresholdInvalid" })
    .max(50, { error: "moderation.thresholdInvalid" }),
});
