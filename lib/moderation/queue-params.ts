import { z } from "zod";
import { choiceParam, dirParam, pageParam, perPageParam } from "@/lib/table-params";

export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export const QUEUE_STATES = ["open", "hidden", "all"] as const;
export const QUEUE_SORTS = ["reports", "age"] as const;
export const QUEUE_TYPES = ["any", "UPDATE", "COMMENT"] as const;

/** The queue's own order and page size, left out of its links. */
export const QUEUE_TABLE_DEFAULTS = { sort: "reports", dir: "desc", perPage: 25 } as const;

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
