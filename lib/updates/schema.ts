import { z } from "zod";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";

export const UPDATE_TITLE_MAX = 200;
export const UPDATE_BODY_MAX = 50_000;
export const MILESTONE_MAX = 80;

const idList = z.array(z.string().trim().min(1).max(100)).max(30).default([]);

/**
 * An update as the editor submits it. `intent` "save" keeps a new update as a
 * draft (and a published one published); "publish" publishes. Publishing asks
 * for everything; a draft only needs a title.
 */
export const updateInputSchema = z
  .object({
    experimentId: z.string().trim().min(1, { error: "update.experimentRequired" }).max(100),
    title: z
      .string({ error: "update.titleRequired" })
      .trim()
      .min(1, { error: "update.titleRequired" })
      .max(UPDATE_TITLE_MAX, { error: "update.titleTooLong" }),
    body: z.string().max(UPDATE_BODY_MAX, { error: "update.bodyTooLong" }).default(""),
    phase: z.enum(ExperimentPhase, { error: "update.phaseRequired" }),
    milestone: z
      .string()
      .trim()
      .max(MILESTONE_MAX, { error: "update.milestoneTooLong" })
      .optional()
      .transform((value) => value || null),
    opgaveIds: idList,
    themeIds: idList,
    intent: z.enum(["save", "publish"]).default("save"),
  })
  .superRefine((value, context) => {
    if (value.intent !== "publish") return;
    if (!value.body.trim()) context.addIssue({ code: "custom", path: ["body"], message: "update.bodyRequired" });
    if (value.opgaveIds.length === 0) context.addIssue({ code: "custom", path: ["opgaveIds"], message: "update.opgaveRequired" });
    if (value.themeIds.length === 0) context.addIssue({ code: "custom", path: ["themeIds"], message: "update.themeRequired" });
  });
export type UpdateInput = z.infer<typeof updateInputSchema>;

/** The multi-value fields of the editor form. */
export const UPDATE_ARRAY_FIELDS = ["opgaveIds", "themeIds"] as const;

export const updateIdSchema = z.object({ updateId: z.string().trim().min(1).max(100) });
