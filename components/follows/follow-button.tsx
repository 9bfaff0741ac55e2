import { getTranslations } from "next-intl/server";
import { isFollowing } from "@/lib/follows/queries";
import type { FollowTarget } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { FollowToggle } from "./follow-toggle";

/**
 * The follow button for any page that shows a followable thing (experiment,
 * opgave, theme, municipality, update): put it next to the page's h1.
 * A toggle button (aria-pressed) named "Volgen"; pressed means you follow it.
 * `name` is the thing's name, for the confirmation message.
 */
export async function FollowButton({ targetType, targetId, name }: { targetType: FollowTarget; targetId: string; name: string }) {
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) return null;
  const [following, t] = await Promise.all([isFollowing(user.id, targetType, targetId), getTranslations("follows.button")]);
  return (
    <FollowToggle
      targetType={targetType}
      targetId={targetId}
      initiallyFollowing={following}
      labels={{
        follow: t("follow"),
        followingHint: t("followingHint"),
        followed: t("followed", { name }),
        unfollowed: t("unfollowed", { name }),
      }}
    />
  );
}
