"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionForm, useFieldErrors, useFormState } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import {
  createExperimentAction,
  createMunicipalityAction,
  createWijkAction,
  updateExperimentAction,
  updateMunicipalityAction,
  updateWijkAction,
} from "@/lib/programme/actions";

type Option = { value: string; label: string };

export type MunicipalityValues = { id: string; name: string; slug: string; cbsCode: string };
export type WijkValues = { id: string; name: string; slug: string; cbsCode: string };
export type ExperimentValues = {
  id: string;
  title: string;
  slug: string;
  summary: string;
  municipalityId: string;
  phase: string;
  /** YYYY-MM-DD */
  startDate: string;
  wijkIds: string[];
  leaderIds: string[];
};
export type MunicipalityChoice = { id: string; name: string; wijken: { id: string; name: string }[] };
export type LeaderChoice = { id: string; name: string; municipalityId: string | null };

function SlugField({ defaultValue }: { defaultValue?: string }) {
  const t = useTranslations("admin.programme");
  return <TextField name="slug" label={t("slug")} hint={t("slugHint")} required={false} defaultValue={defaultValue} autoComplete="off" />;
}

export function MunicipalityForm({ municipality }: { municipality?: MunicipalityValues }) {
  const t = useTranslations("admin.programme");
  return (
    <ActionForm
      action={municipality ? updateMunicipalityAction : createMunicipalityAction}
      successMessage={municipality ? t("saved") : t("municipalityAdded")}
      resetOnSuccess={!municipality}
      aria-label={municipality ? t("editMunicipality", { name: municipality.name }) : t("addMunicipality")}
    >
      {municipality ? <input type="hidden" name="municipalityId" value={municipality.id} /> : null}
      <TextField name="name" label={t("name")} defaultValue={municipality?.name} autoComplete="off" />
      <SlugField defaultValue={municipality?.slug} />
      <TextField
        name="cbsCode"
        label={t("municipalityCbsCode")}
        hint={t("municipalityCbsCodeHint")}
        defaultValue={municipality?.cbsCode}
        autoComplete="off"
      />
      <SubmitButton>{municipality ? t("save") : t("addMunicipality")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * A new wijk: in a municipality chosen from `municipalities`, or in the fixed
 * `municipalityId` (on a municipality's edit page).
 */
export function NewWijkForm({ municipalities, municipalityId }: { municipalities?: Option[]; municipalityId?: string }) {
  const t = useTranslations("admin.programme");
  return (
    <ActionForm action={createWijkAction} successMessage={t("wijkAdded")} resetOnSuccess aria-label={t("addWijk")}>
      {municipalityId ? (
        <input type="hidden" name="municipalityId" value={municipalityId} />
      ) : (
        <SelectField
          name="municipalityId"
          label={t("municipality")}
          options={municipalities ?? []}
          placeholder={t("chooseMunicipality")}
          defaultValue=""
        />
      )}
      <WijkFields />
      <SubmitButton>{t("addWijk")}</SubmitButton>
    </ActionForm>
  );
}

export function EditWijkForm({ wijk, labelledBy }: { wijk: WijkValues; labelledBy: string }) {
  const t = useTranslations("admin.programme");
  return (
    <ActionForm action={updateWijkAction} successMessage={t("saved")} aria-labelledby={labelledBy}>
      <input type="hidden" name="wijkId" value={wijk.id} />
      <WijkFields wijk={wijk} />
      <SubmitButton>
        <span aria-hidden="true">{t("saveWijk")}</span>
        <span className="sr-only">{t("saveWijkLabel", { name: wijk.name })}</span>
      </SubmitButton>
    </ActionForm>
  );
}

function WijkFields({ wijk }: { wijk?: WijkValues }) {
  const t = useTranslations("admin.programme");
  return (
    <>
      <TextField name="name" label={t("wijkName")} defaultValue={wijk?.name} autoComplete="off" />
      <SlugField defaultValue={wijk?.slug} />
      <TextField name="cbsCode" label={t("wijkCbsCode")} hint={t("wijkCbsCodeHint")} defaultValue={wijk?.cbsCode} autoComplete="off" />
    </>
  );
}

type ExperimentFormProps = {
  experiment?: ExperimentValues;
  municipalities: MunicipalityChoice[];
  leaders: LeaderChoice[];
  phases: Option[];
};

export function ExperimentForm({ experiment, municipalities, leaders, phases }: ExperimentFormProps) {
  const t = useTranslations("admin.programme");
  return (
    <ActionForm
      action={experiment ? updateExperimentAction : createExperimentAction}
      successMessage={experiment ? t("saved") : t("experimentAdded")}
      resetOnSuccess={!experiment}
      aria-label={experiment ? t("editExperiment", { title: experiment.title }) : t("addExperiment")}
    >
      {experiment ? <input type="hidden" name="experimentId" value={experiment.id} /> : null}
      <ExperimentFields experiment={experiment} municipalities={municipalities} leaders={leaders} phases={phases} />
      <SubmitButton>{experiment ? t("save") : t("addExperiment")}</SubmitButton>
    </ActionForm>
  );
}

function ExperimentFields({ experiment, municipalities, leaders, phases }: ExperimentFormProps) {
  const t = useTranslations("admin.programme");
  const { state } = useFormState();
  const [municipalityId, setMunicipalityId] = useState(experiment?.municipalityId ?? "");
  // A new-experiment form empties itself after saving; the choice of municipality goes with it
  // (adjusted while rendering the new result, so no render shows the old choice).
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok && !experiment) setMunicipalityId("");
  }

  const leaderGroups = municipalities.map((municipality) => ({
    id: municipality.id,
    name: municipality.name,
    items: leaders.filter((leader) => leader.municipalityId === municipality.id),
  }));
  return (
    <>
      <TextField name="title" label={t("experimentTitle")} defaultValue={experiment?.title} autoComplete="off" />
      <SlugField defaultValue={experiment?.slug} />
      <TextAreaField name="summary" label={t("summary")} hint={t("summaryHint")} defaultValue={experiment?.summary} rows={4} />
      <SelectField
        name="municipalityId"
        label={t("municipality")}
        hint={t("municipalityHint")}
        options={municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name }))}
        placeholder={t("chooseMunicipality")}
        value={municipalityId}
        onChange={(event) => setMunicipalityId(event.target.value)}
      />
      <GroupedCheckboxes
        name="wijkIds"
        legend={t("wijken")}
        hint={t("wijkenHint")}
        empty={t("noWijken")}
        groups={municipalities.map((municipality) => ({ id: municipality.id, name: municipality.name, items: municipality.wijken }))}
        selectedGroup={municipalityId}
        defaultChecked={experiment?.wijkIds ?? []}
      />
      <GroupedCheckboxes
        name="leaderIds"
        legend={t("leaders")}
        hint={t("leadersHint")}
        empty={t("noLeaders")}
        groups={leaderGroups}
        selectedGroup={municipalityId}
        defaultChecked={experiment?.leaderIds ?? []}
      />
      <SelectField name="phase" label={t("phase")} options={phases} defaultValue={experiment?.phase ?? phases[0]?.value} />
      <TextField name="startDate" type="date" label={t("startDate")} hint={t("startDateHint")} defaultValue={experiment?.startDate} />
    </>
  );
}

/**
 * Checkboxes in one fieldset, grouped per municipality in fieldsets of their
 * own. Once a municipality is chosen, the other groups are hidden and disabled,
 * so only boxes of that municipality are sent; without a choice (or without
 * JavaScript) all groups show and the server checks the combination.
 */
function GroupedCheckboxes({
  name,
  legend,
  hint,
  empty,
  groups,
  selectedGroup,
  defaultChecked,
}: {
  name: string;
  legend: string;
  hint: string;
  empty: string;
  groups: { id: string; name: string; items: { id: string; name: string }[] }[];
  selectedGroup: string;
  defaultChecked: string[];
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  const t = useTranslations("common");
  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const checked = new Set(defaultChecked);
  return (
    <fieldset aria-describedby={describedBy} className="space-y-2">
      <legend className="font-semibold text-slate-900">
        {legend}
        <span className="ml-1 font-normal text-slate-700">({t("optional")})</span>
      </legend>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      {errors.length ? (
        <div id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
      <div className={`grid gap-3 ${selectedGroup ? "" : "sm:grid-cols-2"}`}>
        {groups.map((group) => {
          const other = selectedGroup !== "" && group.id !== selectedGroup;
          return (
            <fieldset
              key={group.id}
              hidden={other}
              disabled={other}
              className={`rounded border p-3 ${errors.length ? "border-red-700" : "border-slate-400"}`}
            >
              <legend className="px-1 text-sm font-semibold text-slate-900">{group.name}</legend>
              {group.items.length === 0 ? (
                <p className="text-sm text-slate-700">{empty}</p>
              ) : (
                <ul className="space-y-1">
                  {group.items.map((item) => (
                    <li key={item.id}>
                      <label className="inline-flex items-center gap-2">
                        <input
                          type="checkbox"
                          name={name}
                          value={item.id}
                          defaultChecked={checked.has(item.id)}
                          className="h-5 w-5 accent-brand"
                        />
                        {item.name}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
