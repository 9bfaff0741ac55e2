"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { ActionForm, useFieldErrors, useFormState } from "@/components/form/action-form";
import { buttonClass, SelectField, TextField } from "@/components/form/fields";
import { Markdown } from "@/components/markdown/markdown";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { previewMarkdownAction, saveUpdateAction } from "@/lib/updates/actions";

type Phase = ExperimentPhase;
type TaxonomyOption = { id: string; name: string; description: string };

export type EditorUpdate = {
  id: string;
  title: string;
  body: string;
  phase: Phase;
  milestone: string | null;
  status: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
  experimentId: string;
  experimentTitle: string;
  opgaveIds: string[];
  themeIds: string[];
};

export type UpdateEditorProps = {
  /** The update being edited; absent for a new one. */
  update?: EditorUpdate;
  /** For a new update: the experiments the author may write about. */
  experiments?: { id: string; title: string; phase: Phase }[];
  initialExperimentId?: string;
  opgaven: TaxonomyOption[];
  themes: TaxonomyOption[];
  /** Where "Annuleren" goes. */
  cancelHref: string;
  /** Id of the page heading that names the form. */
  labelledBy: string;
};

const secondaryButtonClass =
  "inline-flex items-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-brand-light disabled:opacity-70";
const smallButtonClass =
  "inline-flex items-center rounded border border-slate-600 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70";

/**
 * The form to write or edit an update. Wrapped in ActionForm, so a refused
 * save keeps everything typed (all inputs are uncontrolled or kept in state).
 * On success the server action sends the author to the update's page.
 */
export function UpdateEditor(props: UpdateEditorProps) {
  return (
    <ActionForm action={saveUpdateAction} aria-labelledby={props.labelledBy} className="space-y-6">
      <EditorFields {...props} />
    </ActionForm>
  );
}

function EditorFields({ update, experiments = [], initialExperimentId, opgaven, themes, cancelHref }: UpdateEditorProps) {
  const t = useTranslations("update.editor");
  const phases = useTranslations("phases");
  const { pending } = useFormState();

  const [experimentId, setExperimentId] = useState(update?.experimentId ?? initialExperimentId ?? "");
  const initialPhase = update?.phase ?? experiments.find((experiment) => experiment.id === experimentId)?.phase ?? "";
  const [phase, setPhase] = useState<string>(initialPhase);
  const [phaseTouched, setPhaseTouched] = useState(Boolean(update));
  const [intent, setIntentState] = useState<"save" | "publish">("save");

  function chooseExperiment(id: string) {
    setExperimentId(id);
    // Until the author picks a phase, follow the experiment's current phase.
    const experimentPhase = experiments.find((experiment) => experiment.id === id)?.phase;
    if (!phaseTouched && experimentPhase) setPhase(experimentPhase);
  }

  // ActionForm builds its FormData without the clicked button, so the
  // buttons write their intent into a hidden field first, committed before
  // the submit event (Enter in a text field "clicks" the first button:
  // saving, never publishing by accident).
  function setIntent(next: "save" | "publish") {
    flushSync(() => setIntentState(next));
  }

  const published = update?.status === "PUBLISHED";
  const withdrawn = update?.status === "WITHDRAWN";
  const saveLabel = published || withdrawn ? t("saveChanges") : t("saveDraft");
  const publishLabel = withdrawn ? t("republish") : t("publish");
  const forPublishing = `(${t("requiredToPublish")})`;

  return (
    <>
      {update ? <input type="hidden" name="updateId" value={update.id} /> : null}
      <input type="hidden" name="intent" value={intent} />

      {update ? (
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">{t("experiment")}</p>
          <p>{update.experimentTitle}</p>
          <input type="hidden" name="experimentId" value={update.experimentId} />
        </div>
      ) : (
        <SelectField
          name="experimentId"
          label={t("experiment")}
          hint={t("experimentHint")}
          options={experiments.map((experiment) => ({ value: experiment.id, label: experiment.title }))}
          placeholder={t("chooseExperiment")}
          value={experimentId}
          onChange={(event) => chooseExperiment(event.target.value)}
        />
      )}

      <TextField name="title" label={t("title")} hint={t("titleHint")} defaultValue={update?.title ?? ""} autoComplete="off" />

      <div className="grid gap-6 md:grid-cols-2">
        <SelectField
          name="phase"
          label={t("phase")}
          hint={t("phaseHint")}
          options={Object.values(ExperimentPhase).map((value) => ({ value, label: phases(value) }))}
          placeholder={phase ? undefined : t("choosePhase")}
          value={phase}
          onChange={(event) => {
            setPhase(event.target.value);
            setPhaseTouched(true);
          }}
        />
        <TextField
          name="milestone"
          label={t("milestone")}
          hint={t("milestoneHint")}
          required={false}
          defaultValue={update?.milestone ?? ""}
          autoComplete="off"
        />
      </div>

      <BodyField defaultValue={update?.body ?? ""} requiredNote={forPublishing} />

      <CheckboxGroup
        name="opgaveIds"
        legend={t("opgaven")}
        requiredNote={forPublishing}
        hint={t("opgavenHint")}
        options={opgaven}
        defaultChecked={update?.opgaveIds ?? []}
      />
      <CheckboxGroup
        name="themeIds"
        legend={t("themes")}
        requiredNote={forPublishing}
        hint={t("themesHint")}
        options={themes}
        defaultChecked={update?.themeIds ?? []}
      />

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-300 pt-5">
        <button type="submit" onClick={() => setIntent("save")} disabled={pending} aria-disabled={pending} className={secondaryButtonClass}>
          {pending && intent === "save" ? t("busy") : saveLabel}
        </button>
        {published ? null : (
          <button type="submit" onClick={() => setIntent("publish")} disabled={pending} aria-disabled={pending} className={buttonClass}>
            {pending && intent === "publish" ? t("busy") : publishLabel}
          </button>
        )}
        <Link href={cancelHref} className="ml-auto">
          {t("cancel")}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{published ? t("publishedNote") : withdrawn ? t("withdrawnNote") : t("draftNote")}</p>
    </>
  );
}

function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <div id={id} className="text-sm font-semibold text-red-800">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

function CheckboxGroup({
  name,
  legend,
  requiredNote,
  hint,
  options,
  defaultChecked,
}: {
  name: string;
  legend: string;
  requiredNote: string;
  hint: string;
  options: TaxonomyOption[];
  defaultChecked: string[];
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  const checked = new Set(defaultChecked);
  return (
    <fieldset
      className="space-y-2 rounded border border-slate-300 bg-white p-4 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
      aria-describedby={[`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(" ")}
      aria-invalid={errors.length > 0 || undefined}
    >
      <legend className="px-1 font-semibold text-slate-900">
        {legend} <span className="font-normal text-slate-700">{requiredNote}</span>
      </legend>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      <FieldErrors id={`${id}-error`} errors={errors} />
      <ul className="grid gap-x-6 gap-y-2 md:grid-cols-2">
        {options.map((option) => (
          <li key={option.id} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${id}-${option.id}`}
              name={name}
              value={option.id}
              defaultChecked={checked.has(option.id)}
              aria-describedby={option.description ? `${id}-${option.id}-description` : undefined}
              className="mt-1 h-5 w-5 shrink-0 accent-brand"
            />
            <span>
              <label htmlFor={`${id}-${option.id}`} className="font-medium">
                {option.name}
              </label>
              {option.description ? (
                <span id={`${id}-${option.id}-description`} className="block text-sm text-slate-700">
                  {option.description}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type Tab = "write" | "preview";
type Preview = { status: "idle" } | { status: "loading" } | { status: "ready"; markdown: string } | { status: "error"; error: string };
type UploadStatus = { kind: "idle" } | { kind: "busy" | "done" | "error"; message: string };

/** The Markdown text with a Schrijven/Voorbeeld tab pair and an image upload. */
function BodyField({ defaultValue, requiredNote }: { defaultValue: string; requiredNote: string }) {
  const t = useTranslations("update.editor");
  const errorsT = useTranslations("errors");
  const markdownT = useTranslations("markdown");
  const id = useId();
  const errors = useFieldErrors("body");
  const { state } = useFormState();
  const [tab, setTab] = useState<Tab>("write");
  const [preview, setPreview] = useState<Preview>({ status: "idle" });
  const [upload, setUpload] = useState<UploadStatus>({ kind: "idle" });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const tabRefs = { write: useRef<HTMLButtonElement>(null), preview: useRef<HTMLButtonElement>(null) };
  const previewRequest = useRef(0);

  // A refused save with a problem in the text shows the text again, decided while rendering that result.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state && !state.ok && state.fieldErrors?.body?.length) setTab("write");
  }

  async function loadPreview() {
    const text = bodyRef.current?.value ?? "";
    const request = ++previewRequest.current;
    if (!text.trim()) {
      setPreview({ status: "ready", markdown: "" });
      return;
    }
    setPreview({ status: "loading" });
    try {
      const result = await previewMarkdownAction(text);
      if (request !== previewRequest.current) return;
      setPreview(result.ok ? { status: "ready", markdown: result.data.markdown } : { status: "error", error: result.error });
    } catch {
      if (request === previewRequest.current) setPreview({ status: "error", error: "unexpected" });
    }
  }

  function select(next: Tab, focus = false) {
    setTab(next);
    if (focus) tabRefs[next].current?.focus();
    if (next === "preview") void loadPreview();
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const order: Tab[] = ["write", "preview"];
    const index = order.indexOf(tab);
    let next: Tab | undefined;
    if (event.key === "ArrowRight") next = order[(index + 1) % order.length];
    else if (event.key === "ArrowLeft") next = order[(index + order.length - 1) % order.length];
    else if (event.key === "Home") next = order[0];
    else if (event.key === "End") next = order[order.length - 1];
    if (!next) return;
    event.preventDefault();
    select(next, true);
  }

  function insertAtCursor(markdown: string) {
    const textarea = bodyRef.current;
    if (!textarea) return;
    const start = textarea.selectionStart;
    const end = textarea.selectionEnd;
    const before = textarea.value.slice(0, start);
    const prefix = !before || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const placeholder = t("altPlaceholder");
    const hasEmptyAlt = markdown.startsWith("![](");
    const text = hasEmptyAlt ? `![${placeholder}](${markdown.slice(4)}` : markdown;
    textarea.setRangeText(`${prefix}${text}\n\n`, start, end, "end");
    textarea.focus();
    // Select the placeholder, so the author types the description over it.
    if (hasEmptyAlt) {
      const altStart = start + prefix.length + 2;
      textarea.setSelectionRange(altStart, altStart + placeholder.length);
    }
  }

  async function uploadFile(file: File) {
    setUpload({ kind: "busy", message: t("uploading") });
    const data = new FormData();
    data.append("file", file);
    try {
      const response = await fetch("/api/uploads", { method: "POST", body: data, credentials: "same-origin" });
      const answer: unknown = await response.json().catch(() => null);
      const result = parseUploadAnswer(answer);
      if (result.ok) {
        insertAtCursor(result.markdown);
        setUpload({ kind: "done", message: result.markdown.startsWith("![](") ? t("uploadedDescribe") : t("uploaded") });
      } else {
        setUpload({ kind: "error", message: result.error ?? t("uploadFailed") });
      }
    } catch {
      setUpload({ kind: "error", message: t("uploadFailed") });
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  }

  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const tabId = (name: Tab) => `${id}-tab-${name}`;
  const panelId = (name: Tab) => `${id}-panel-${name}`;

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-text`} className="block font-semibold text-slate-900">
        {t("body")} <span className="font-normal text-slate-700">{requiredNote}</span>
      </label>
      <div id={`${id}-hint`} className="text-sm text-slate-700">
        {t.rich("bodyHint", { code: (chunks: ReactNode) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code> })}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />

      <div role="tablist" aria-label={t("bodyTabs")} className="flex gap-1 border-b border-slate-400">
        {(["write", "preview"] as const).map((name) => (
          <button
            key={name}
            ref={tabRefs[name]}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={panelId(name)}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onTabKeyDown}
            className="-mb-px rounded-t border border-transparent px-4 py-2 font-semibold text-slate-700 hover:text-slate-900 aria-selected:border-slate-400 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-slate-900"
          >
            {name === "write" ? t("write") : t("preview")}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={panelId("write")} aria-labelledby={tabId("write")} hidden={tab !== "write"} className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => fileRef.current?.click()}
            disabled={upload.kind === "busy"}
            className={smallButtonClass}
            aria-describedby={`${id}-upload-hint`}
          >
            {t("insertImage")}
          </button>
          <span id={`${id}-upload-hint`} className="text-sm text-slate-700">
            {t("imageHint")}
          </span>
          <input
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            hidden
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void uploadFile(file);
            }}
          />
        </div>
        <div aria-live="polite" className="empty:hidden">
          {upload.kind !== "idle" ? (
            <p className={upload.kind === "error" ? "text-sm font-semibold text-red-800" : "text-sm text-slate-800"}>{upload.message}</p>
          ) : null}
        </div>
        <textarea
          ref={bodyRef}
          id={`${id}-text`}
          name="body"
          rows={18}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={errors.length > 0 || undefined}
          className="block w-full rounded border border-slate-500 bg-white px-3 py-2 font-mono text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
      </div>

      <div
        role="tabpanel"
        id={panelId("preview")}
        aria-labelledby={tabId("preview")}
        hidden={tab !== "preview"}
        tabIndex={0}
        aria-busy={preview.status === "loading"}
        className="min-h-40 rounded border border-slate-300 bg-white p-4"
      >
        {preview.status === "loading" ? <p className="text-slate-700">{t("previewLoading")}</p> : null}
        {preview.status === "error" ? (
          <p className="font-semibold text-red-800">{errorsT.has(preview.error) ? errorsT(preview.error) : errorsT("unexpected")}</p>
        ) : null}
        {preview.status === "ready" ? (
          preview.markdown.trim() ? (
            <Markdown
              idPrefix="voorbeeld-"
              labels={{
                externalLink: markdownT("externalLink"),
                table: markdownT("table"),
                footnotes: markdownT("footnotes"),
                footnoteBack: markdownT("footnoteBack"),
              }}
            >
              {preview.markdown}
            </Markdown>
          ) : (
            <p className="text-slate-700">{t("previewEmpty")}</p>
          )
        ) : null}
      </div>
    </div>
  );
}

/** Reads the answer of POST /api/uploads: `{ ok: true, data: { url, markdown } }` or `{ ok: false, error }`. */
function parseUploadAnswer(answer: unknown): { ok: true; markdown: string } | { ok: false; error?: string } {
  if (!answer || typeof answer !== "object") return { ok: false };
  const record = answer as { ok?: unknown; data?: { markdown?: unknown }; error?: unknown };
  if (record.ok === true && typeof record.data?.markdown === "string") return { ok: true, markdown: record.data.markdown };
  return { ok: false, error: typeof record.error === "string" ? record.error : undefined };
}
