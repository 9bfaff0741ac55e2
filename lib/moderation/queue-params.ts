import { z } from "zod";
import { choiceParam, dirParam, pageParam, perPageParam } from "@/lib/table-params";
import { QUEUE_PAGE_SIZES, QUEUE_SORTS, QUEUE_STATES, QUEUE_TYPES } from "./limits";

// The constants live in a zod-free module the queue's client table can load.
export { QUEUE_PAGE_SIZES, QUEUE_SORTS, QUEUE_STATES, QUEUE_TABLE_DEFAULTS, QUEUE_TYPES } from "./limits";

/** The review queue's state, all of it in the URL; bad values fall back to the defaults. */
export const queueParamsSchema = z.object({
  page: pageParam,
  perPage: perPageParam(QUEUE_PAGE_SIZES, 25),
  sort: choiceParam(QUEUE_SORTS, "reports"),
  dir: dirParam("desc"),
  state: choiceParam(QUEUE_STATES, "open"),
  type: choiceParam(QUEUE_TYPES, "any"),
});

export type QueueParams = z.output<typeof queueParamsSchema>;

export function parseQueueParams(searchParams: Record<string, string | string[] | undefined>): QueueParams {
  return queueParamsSchema.parse(searchParams);
}
