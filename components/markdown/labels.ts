import { getTranslations } from "next-intl/server";
import type { MarkdownLabels } from "./markdown";

/** The Markdown component's words in the reader's language, for server components. */
export async function getMarkdownLabels(): Promise<MarkdownLabels> {
  const t = await getTranslations("markdown");
  return { externalLink: t("externalLink"), table: t("table"), footnotes: t("footnotes"), footnoteBack: t("footnoteBack") };
}
