import { z } from "zod";
import { choiceParam, dateParam, lenient } from "@/lib/table-params";
import { MATRIX_MEASURES, MATRIX_VIEWS, type MatrixParams } from "./matrix-sql";

/**
 * The matrix's state in the URL (/koppelkansen?view=themes&measure=experiments&theme=…&from=…&to=…).
 * Every parameter falls back to its default, so a bad or old link still shows the page.
 */
const matrixParamsSchema = z.object({
  view: choiceParam(MATRIX_VIEWS, "opgaven"),
  measure: choiceParam(MATRIX_MEASURES, "updates"),
  // A slug: control characters (a NUL byte cannot reach PostgreSQL) or over 100 characters match nothing.
  theme: lenient(
    z
      .string()
      .trim()
      .max(100)
      .regex(/^[^\u0000-\u001f\u007f]+$/)
      .nullable(),
    null,
  ),
  from: dateParam,
  to: dateParam,
});

export function parseMatrixParams(searchParams: Record<string, string | string[] | undefined>): MatrixParams {
  return matrixParamsSchema.parse(searchParams);
}

/** A period that ends before it begins: no counts, a message instead. */
export function isReversedPeriod(params: Pick<MatrixParams, "from" | "to">): boolean {
  // YYYY-MM-DD compares as text in calendar order.
  return Boolean(params.from && params.to && params.to < params.from);
}
