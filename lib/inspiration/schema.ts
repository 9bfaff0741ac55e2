import { z } from "zod";
import { INTRODUCTION_MAX, SORT_ORDER_MAX } from "./limits";

/** Browsers send a line break in a textarea as CR LF: count it as one character, as the textarea's maxlength does. */
const lines = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value);

const id = (error: string) => z.string({ error }).trim().min(1, { error }).max(100, { error });

const introduction = z.preprocess(
  lines,
  z
    .string({ error: "inspiration.introductionRequired" })
    .trim()
    .min(1, { error: "inspiration.introductionRequired" })
    .max(INTRODUCTION_MAX, { error: "inspiration.introductionTooLong" }),
);

const themeId = id("inspiration.themeRequired");

/** Proposing a listed update for the book: its chapter and the coordinator's introduction. */
export const proposeSchema = z.object({ updateId: id("inspiration.updateNotListed"), themeId, introduction });

/** Changing an entry's chapter, introduction or place in its chapter. */
export const editEntrySchema = z.object({
  entryId: id("inspiration.notFound"),
  themeId,
  introduction,
  sortOrder: z.coerce
    .number({ error: "inspiration.sortOrderInvalid" })
    .int({ error: "inspiration.sortOrderInvalid" })
    .min(0, { error: "inspiration.sortOrderInvalid" })
    .max(SORT_ORDER_MAX, { error: "inspiration.sortOrderInvalid" }),
});

/** Every other step names the entry only. */
export const entrySchema = z.object({ entryId: id("inspiration.notFound") });
