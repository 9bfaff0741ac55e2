"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type ClipboardEvent, type DragEvent, type ReactNode } from "react";
import { useFieldErrors, useFormState } from "@/components/form/action-form";
import { FieldErrors } from "@/components/form/fields";
import { previewMarkdownAction } from "@/lib/updates/actions";
import { FULL_TOOLBAR, MarkdownToolbar } from "./markdown-toolbar";
import { imageFiles, uploadImage } from "./upload-image";
import { useMarkdownCommands } from "./use-markdown-commands";
import { WritePreviewTabs } from "./write-preview-tabs";

type UploadStatus = { kind: "idle" } | { kind: "busy" | "done" | "error"; message: string };

/**
 * An update's Markdown text (the form field "body"): a formatting toolbar
 * with Ctrl/Cmd+B, I and K, images by button, paste or drag-and-drop
 * (uploaded, then inserted at the cursor), and a Schrijven/Voorbeeld tab pair.
 */
export function BodyField({ defaultValue, requiredNote }: { defaultValue: string; requiredNote: string }) {
  const t = useTranslations("update.editor");
  const editorT = useTranslations("editor");
  const id = useId();
  const errors = useFieldErrors("body");
  const { state } = useFormState();
  const [upload, setUpload] = useState<UploadStatus>({ kind: "idle" });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { run, onKeyDown, insertImageMarkdown } = useMarkdownCommands(bodyRef);

  async function uploadFiles(files: File[]) {
    for (const [index, file] of files.entries()) {
      setUpload({ kind: "busy", message: t("uploading") });
      try {
        const result = await uploadImage(file);
        if (!result.ok) {
          setUpload({ kind: "error", message: result.error ?? t("uploadFailed") });
          break;
        }
        // Only the last image's description is selected: the next one must not land on it.
        insertImageMarkdown(result.markdown, { selectAlt: index === files.length - 1 });
        setUpload({ kind: "done", message: result.markdown.startsWith("![](") ? t("uploadedDescribe") : t("uploaded") });
      } catch {
        setUpload({ kind: "error", message: t("uploadFailed") });
        break;
      }
    }
    if (fileRef.current) fileRef.current.value = "";
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = imageFiles(event.clipboardData);
    if (!files.length || upload.kind === "busy") return;
    event.preventDefault();
    void uploadFiles(files);
  }

  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    const files = imageFiles(event.dataTransfer);
    if (!files.length) return;
    // Dropped files would otherwise open in the tab, leaving the editor.
    event.preventDefault();
    if (upload.kind !== "busy") void uploadFiles(files);
  }

  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const bodyError = state && !state.ok && state.fieldErrors?.body?.length ? state : null;

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-text`} className="block font-semibold text-slate-900">
        {t("body")} <span className="font-normal text-slate-700">{requiredNote}</span>
      </label>
      <div id={`${id}-hint`} className="text-sm text-slate-700">
        {t.rich("bodyHint", { code: (chunks: ReactNode) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code> })}
      </div>
      <FieldErrors id={id} errors={errors} />

      <WritePreviewTabs
        id={id}
        labels={{ tabs: t("bodyTabs"), write: t("write"), preview: t("preview"), loading: t("previewLoading"), empty: t("previewEmpty") }}
        readText={() => bodyRef.current?.value ?? ""}
        loadPreview={previewMarkdownAction}
        idPrefix="voorbeeld-"
        showWriteOn={bodyError}
      >
        <p id={`${id}-upload-hint`} className="text-sm text-slate-700">
          {t("imageHint")} {editorT("pasteHint")}
        </p>
        <input
          ref={fileRef}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          hidden
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void uploadFiles([file]);
          }}
        />
        <div aria-live="polite" className="empty:hidden">
          {upload.kind !== "idle" ? (
            <p className={upload.kind === "error" ? "text-sm font-semibold text-red-800" : "text-sm text-slate-800"}>{upload.message}</p>
          ) : null}
        </div>
        <div>
          <MarkdownToolbar
            items={FULL_TOOLBAR}
            controls={`${id}-text`}
            onCommand={run}
            onImage={() => fileRef.current?.click()}
            imageBusy={upload.kind === "busy"}
            imageDescribedBy={`${id}-upload-hint`}
          />
          <textarea
            ref={bodyRef}
            id={`${id}-text`}
            name="body"
            rows={18}
            defaultValue={defaultValue}
            aria-describedby={describedBy}
            aria-invalid={errors.length > 0 || undefined}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onDrop={onDrop}
            className="block w-full rounded-b border border-slate-500 bg-white px-3 py-2 font-mono text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
          />
        </div>
      </WritePreviewTabs>
    </div>
  );
}
