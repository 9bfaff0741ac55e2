import { z } from "zod";
import { choiceParam, dirParam, pageParam, perPageParam } from "@/lib/table-params";

export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export const QUEUE_STATES = ["open", "hidden", "all"] as const;
export const QUEUE_SORTS = ["reports", "age"] as const;

/** The review queue's state, all of it in the URL; bad values fall back to the defaults. */
export const queueParamsSchema = z.object({
  page: pageParam,
  perPage: perPageParam(QUEUE_PAGE_SIZES, 25),
  sort: choiceParam(QUEUE_SORTS, "reports"),
  dir: dirParam("desc"),
  state: choiceParam(QUEUE_STATES, "open"),
  type: choiceParam(["UPDATE", "COMMENT", "any"], "any"),
});

export type QueueParams = z.output<typeof queueParamsSchema>;

export function parseQueueParams(searchParams: Record<string, string | string[] | undefined>): QueueParams {
  return queueParamsSchema.parse(searchParams);
}
