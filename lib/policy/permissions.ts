import type { Role } from "@/lib/generated/prisma/enums";

/** Every role, from least to most trusted. */
export const roles = ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"] as const satisfies readonly Role[];

const everyone = roles;
const staff = ["COORDINATOR", "ADMIN"] as const satisfies readonly Role[];
const writers = ["PROJECT_LEADER", "COORDINATOR", "ADMIN"] as const satisfies readonly Role[];

/**
 * The one map of who may do what (see shared/design/domain.md), one name per
 * decision. Pages and services ask `can()`; what a person may see or change
 * among many rows is decided by the scopes next to this file (updates.ts,
 * comments.ts), which go into the Prisma `where` of the read or write itself.
 */
export const permissions = {
  "portal:read": everyone,
  "comment:create": everyone,
  "comment:edit-own": everyone,
  "comment:delete-own": everyone,
  "comment:hide": staff,
  "comment:delete-any": staff,
  "thread:lock": staff,
  "appreciation:create": everyone,
  "member:search": everyone,
  "profile:edit-own": everyone,
  "follow:manage": everyone,
  "report:create": everyone,
  "report:review": staff,
  "update:publish": ["PROJECT_LEADER"],
  "update:withdraw-own": everyone,
  "update:edit-any": staff,
  "update:withdraw-any": staff,
  "update:read-withdrawn": staff,
  "update:read-hidden": staff,
  "update:hide": staff,
  "comment:read-hidden": staff,
  "markdown:preview": writers,
  "lesson:curate": staff,
  "feedback:request": ["PROJECT_LEADER"],
  "feedback:answer": everyone,
  "inspiration:curate": staff,
  "inspiration:consent": everyone,
  "programme-report:read": staff,
  "audit:read": staff,
  "invitation:create": staff,
  "user:list": staff,
  "user:block": staff,
  "taxonomy:manage": staff,
  "programme:manage": staff,
  "user:change-role": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "email:outbox": ["ADMIN"],
  "privacy:handle-requests": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export type Actor = { id: string; role: Role; municipalityId: string | null };

/** Whether the actor holds `permission`; for a possibly signed-out actor it also narrows away null. */
export function can(actor: Pick<Actor, "role">, permission: Permission): boolean;
export function can<T extends Pick<Actor, "role">>(actor: T | null | undefined, permission: Permission): actor is T;
export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (permissions[permission] as readonly Role[]).includes(actor.role);
}

/** Roles a given actor may hand out in an invitation or a role change. */
export function assignableRoles(actor: Pick<Actor, "role">): Role[] {
  if (actor.role === "ADMIN") return [...roles];
  if (actor.role === "COORDINATOR") return ["MEMBER", "PROJECT_LEADER", "COORDINATOR"];
  return [];
}
