/** Limits of the inspiration-book forms, without zod: client components import them (tests/client-bundle.test.ts). */

/** A coordinator's introduction above a praktijkvoorbeeld: a few sentences. */
export const INTRODUCTION_MAX = 1000;
export const SORT_ORDER_MAX = 9999;
