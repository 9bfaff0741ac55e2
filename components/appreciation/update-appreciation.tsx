import { getTranslations } from "next-intl/server";
import { getUpdateAppreciation } from "@/lib/appreciation/queries";
import type { Actor } from "@/lib/policy/permissions";
import { AppreciationButton } from "./appreciation-button";

/**
 * The "nuttig" mark of an update, for its page: the toggle (not on one's own
 * update), the count, and for the author who found it useful.
 */
export async function UpdateAppreciation({ updateId, actor }: { updateId: string; actor: Actor }) {
  const [state, t] = await Promise.all([getUpdateAppreciation(actor, updateId), getTranslations("appreciation")]);
  if (!state) return null;
  const labelId = `nuttig-${updateId}`;
  return (
    <div className="space-y-1">
      <p id={labelId} className="sr-only">
        {t("updateLabel")}
      </p>
      <AppreciationButton
        target={{ updateId }}
        count={state.count}
        appreciated={state.appreciatedByMe}
        canToggle={state.canAppreciate}
        appreciators={state.appreciators}
        describedBy={labelId}
      />
    </div>
  );
}
