"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { AutosaveStatusLine } from "@/components/editor/autosave-status";
import { LeaveLink } from "@/components/editor/leave-link";
import { BodyField } from "@/components/editor/markdown-editor";
import { useAutosave } from "@/components/editor/use-autosave";
import { useLocalDraft } from "@/components/editor/use-local-draft";
import { ActionForm, useFieldErrors, useFormState } from "@/components/form/action-form";
import { buttonClass, SelectField, TextField } from "@/components/form/fields";
import { parseSnapshot, sameSnapshot, type EditorSnapshot } from "@/lib/editor/editor-snapshot";
import { editorDraftKey, shouldRestore } from "@/lib/editor/local-draft";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { saveUpdateAction } from "@/lib/updates/actions";

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
  /** The server's version (updatedAt, ISO), against which a copy kept in the browser is weighed. */
  updatedAt: string;
};

export type UpdateEditorProps = {
  /** The writer: copies kept in this browser are theirs alone. */
  userId: string;
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

const discardButtonClass =
  "inline-flex items-center rounded border border-slate-600 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100";

/**
 * The form to write or edit an update. Wrapped in ActionForm, so a refused
 * save keeps everything typed (all inputs are uncontrolled or kept in state).
 * On success the server action sends the author to the update's page.
 */
export function UpdateEditor(props: UpdateEditorProps) {
  const t = useTranslations("autosave");
  const server = serverSnapshot(props);
  const local = useLocalDraft(editorDraftKey(props.userId, props.update?.id ?? null), parseSnapshot);
  const [discarded, setDiscarded] = useState(false);
  const kept = local.opened ?? null;
  const restored =
    !discarded && shouldRestore(kept, { value: server, version: props.update?.updatedAt ?? null }, sameSnapshot) ? kept : null;
  const initial = restored ? withKnownExperiment(restored.value, server, props.experiments) : server;
  return (
    <>
      {restored ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          <p>{t("restored")}</p>
          <button
            type="button"
            className={discardButtonClass}
            onClick={() => {
              local.forget();
              setDiscarded(true);
            }}
          >
            {t("discardRestored")}
          </button>
        </div>
      ) : null}
      <ActionForm action={saveUpdateAction} aria-labelledby={props.labelledBy} className="space-y-6">
        {/* A restored copy (or discarding it) opens the fields anew with other starting values. */}
        <EditorFields key={restored ? "restored" : "server"} {...props} server={server} initial={initial} restored={Boolean(restored)} />
      </ActionForm>
    </>
  );
}

/** What the server holds, as the form would read it. */
function serverSnapshot({ update, experiments = [], initialExperimentId }: UpdateEditorProps): EditorSnapshot {
  const experimentId = update?.experimentId ?? initialExperimentId ?? "";
  return {
    experimentId,
    title: update?.title ?? "",
    phase: update?.phase ?? experiments.find((experiment) => experiment.id === experimentId)?.phase ?? "",
    milestone: update?.milestone ?? "",
    body: update?.body ?? "",
    opgaveIds: update?.opgaveIds ?? [],
    themeIds: update?.themeIds ?? [],
  };
}

/** A kept copy of a new update may name an experiment the writer no longer may choose: then the page's own choice stays. */
function withKnownExperiment(kept: EditorSnapshot, server: EditorSnapshot, experiments: UpdateEditorProps["experiments"]): EditorSnapshot {
  if (!experiments || experiments.some((experiment) => experiment.id === kept.experimentId)) return kept;
  return { ...kept, experimentId: server.experimentId };
}

function EditorFields({
  update,
  userId,
  experiments = [],
  opgaven,
  themes,
  cancelHref,
  server,
  initial,
  restored,
}: UpdateEditorProps & { server: EditorSnapshot; initial: EditorSnapshot; restored: boolean }) {
  const t = useTranslations("update.editor");
  const phases = useTranslations("phases");
  const { pending } = useFormState();

  const [experimentId, setExperimentId] = useState(initial.experimentId);
  const [phase, setPhase] = useState<string>(initial.phase);
  const [phaseTouched, setPhaseTouched] = useState(Boolean(update) || restored);
  const anchor = useRef<HTMLInputElement>(null);
  const mode = update?.status === "PUBLISHED" ? "published" : update?.status === "WITHDRAWN" ? "withdrawn" : "server";
  const autosave = useAutosave({
    anchor,
    toServer: mode === "server",
    updateId: update?.id ?? null,
    userId,
    saved: server,
    version: update?.updatedAt ?? null,
    restored,
  });
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
      {/* Empty for a new update until its first autosave makes it a draft; saving then writes that draft. */}
      <input ref={anchor} type="hidden" name="updateId" value={autosave.draftId ?? ""} />
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

      <TextField name="title" label={t("title")} hint={t("titleHint")} defaultValue={initial.title} autoComplete="off" />

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
          defaultValue={initial.milestone}
          autoComplete="off"
        />
      </div>

      <BodyField defaultValue={initial.body} requiredNote={forPublishing} />

      <CheckboxGroup
        name="opgaveIds"
        legend={t("opgaven")}
        requiredNote={forPublishing}
        hint={t("opgavenHint")}
        options={opgaven}
        defaultChecked={initial.opgaveIds}
      />
      <CheckboxGroup
        name="themeIds"
        legend={t("themes")}
        requiredNote={forPublishing}
        hint={t("themesHint")}
        options={themes}
        defaultChecked={initial.themeIds}
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
        <LeaveLink href={cancelHref} dirty={autosave.dirty} onLeave={autosave.discard} className="ml-auto">
          {t("cancel")}
        </LeaveLink>
      </div>
      <AutosaveStatusLine status={autosave.status} mode={mode} />
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
