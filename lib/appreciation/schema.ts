import { z } from "zod";

const id = z.string().trim().min(1).max(100);

/** "true"/"false" from a form, or a boolean. */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

/**
 * What a "nuttig" mark is on: an update or a comment, exactly one. With
 * `appreciated` the caller says which state it wants (a double click then
 * changes nothing twice); without it the mark toggles.
 */
export const appreciationTargetSchema = z
  .object({
    updateId: id.optional().or(z.literal("").transform(() => undefined)),
    commentId: id.optional().or(z.literal("").transform(() => undefined)),
    appreciated: flag.optional(),
  })
  .refine((value) => Boolean(value.updateId) !== Boolean(value.commentId), { error: "comment.appreciationTargetGone" });
export type AppreciationTarget = z.infer<typeof appreciationTargetSchema>;
