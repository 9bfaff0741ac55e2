"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, type Ref } from "react";
import { COMMENT_TOOLBAR, MarkdownToolbar } from "@/components/editor/markdown-toolbar";
import { useMarkdownCommands } from "@/components/editor/use-markdown-commands";
import { WritePreviewTabs } from "@/components/editor/write-preview-tabs";
import { previewCommentAction } from "@/lib/comments/actions";
import { renderMentions } from "@/lib/comments/mentions";
import { MentionTextarea, type MentionTextareaProps } from "./mention-textarea";

/**
 * The comment text field with the smaller formatting toolbar (no images:
 * comments take no uploads) and a Schrijven/Voorbeeld tab pair; the
 * preview shows mentions as the comment list does.
 */
export function CommentBodyEditor({ ref, ...props }: MentionTextareaProps) {
  const t = useTranslations("editor");
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const { run, onKeyDown } = useMarkdownCommands(ownRef);

  // The form needs the textarea (to submit, to focus) and so do the commands: one element, two refs.
  const setRefs = useCallback(
    (element: HTMLTextAreaElement | null) => {
      ownRef.current = element;
      assignRef(ref, element);
    },
    [ref],
  );

  return (
    <WritePreviewTabs
      id={props.id}
      labels={{ tabs: t("commentTabs"), write: t("write"), preview: t("preview"), loading: t("previewLoading"), empty: t("previewEmpty") }}
      readText={() => ownRef.current?.value ?? ""}
      loadPreview={previewCommentAction}
      toDisplay={(markdown) => renderMentions(markdown)}
      idPrefix={`${props.id}-voorbeeld-`}
      topHeadingLevel={4}
    >
      {/* Ctrl/Cmd+B, I and K from the textarea bubble up here; the mention list keeps its own keys. */}
      <div onKeyDown={onKeyDown}>
        <MarkdownToolbar items={COMMENT_TOOLBAR} controls={props.id} onCommand={run} />
        <MentionTextarea {...props} ref={setRefs} />
      </div>
    </WritePreviewTabs>
  );
}

function assignRef<T>(ref: Ref<T> | undefined, value: T) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}
