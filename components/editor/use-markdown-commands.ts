"use client";

import { useTranslations } from "next-intl";
import { useCallback, type KeyboardEvent, type RefObject } from "react";
import { insertImage, runCommand, shortcutCommand, type CommandPlaceholders, type MarkdownCommand } from "./markdown-commands";
import { readTextState, writeTextState } from "./text-edit";

/**
 * The toolbar's commands on one textarea, in the writer's language: `run` for
 * the buttons, `onKeyDown` for Ctrl/Cmd+B, I and K (put it on the textarea or
 * an element around it), `insertImageMarkdown` for an uploaded image.
 */
export function useMarkdownCommands(textareaRef: RefObject<HTMLTextAreaElement | null>) {
  const t = useTranslations("editor.placeholders");
  const altPlaceholder = useTranslations("update.editor")("altPlaceholder");

  const run = useCallback(
    (command: MarkdownCommand) => {
      const textarea = textareaRef.current;
      if (!textarea) return;
      const placeholders: CommandPlaceholders = {
        bold: t("bold"),
        italic: t("italic"),
        heading: t("heading"),
        listItem: t("listItem"),
        linkText: t("linkText"),
        quote: t("quote"),
      };
      writeTextState(textarea, runCommand(readTextState(textarea), command, placeholders));
    },
    [t, textareaRef],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== textareaRef.current) return;
      const command = shortcutCommand(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    },
    [run, textareaRef],
  );

  const insertImageMarkdown = useCallback(
    (markdown: string, options?: { selectAlt?: boolean }) => {
      const textarea = textareaRef.current;
      if (!textarea) return;
      writeTextState(textarea, insertImage(readTextState(textarea), markdown, altPlaceholder, options));
    },
    [altPlaceholder, textareaRef],
  );

  return { run, onKeyDown, insertImageMarkdown };
}
