import { z } from "zod";
import type { FollowTarget } from "@/lib/generated/prisma/enums";

export const followTargets = ["EXPERIMENT", "OPGAVE", "THEME", "MUNICIPALITY", "UPDATE"] as const satisfies readonly FollowTarget[];

export const followInputSchema = z.object({
  targetType: z.enum(followTargets, { error: "follow.targetInvalid" }),
  targetId: z
    .string({ error: "follow.targetInvalid" })
    .trim()
    .min(1, { error: "follow.targetInvalid" })
    .max(100, { error: "follow.targetInvalid" }),
});

export type FollowInput = z.infer<typeof followInputSchema>;
