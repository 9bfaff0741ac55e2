import { describe, expect, it } from "vitest";
import { assignableRoles, can, permissions, roles, type Permission } from "@/lib/policy/permissions";

/** The expected matrix, written out by hand so a change to the map must be made twice. */
const expected: Record<Permission, (typeof roles)[number][]> = {
  "portal:read": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "comment:create": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "comment:edit-own": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "comment:delete-own": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "comment:hide": ["COORDINATOR", "ADMIN"],
  "comment:delete-any": ["COORDINATOR", "ADMIN"],
  "thread:lock": ["COORDINATOR", "ADMIN"],
  "appreciation:create": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "member:search": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "profile:edit-own": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "follow:manage": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "report:create": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "report:review": ["COORDINATOR", "ADMIN"],
  "update:publish": ["PROJECT_LEADER"],
  "update:withdraw-own": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "update:edit-any": ["COORDINATOR", "ADMIN"],
  "update:withdraw-any": ["COORDINATOR", "ADMIN"],
  "update:read-withdrawn": ["COORDINATOR", "ADMIN"],
  "update:read-hidden": ["COORDINATOR", "ADMIN"],
  "update:hide": ["COORDINATOR", "ADMIN"],
  "comment:read-hidden": ["COORDINATOR", "ADMIN"],
  "markdown:preview": ["PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "lesson:curate": ["COORDINATOR", "ADMIN"],
  "feedback:request": ["PROJECT_LEADER"],
  "feedback:answer": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "inspiration:curate": ["COORDINATOR", "ADMIN"],
  "inspiration:consent": ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"],
  "programme-report:read": ["COORDINATOR", "ADMIN"],
  "audit:read": ["COORDINATOR", "ADMIN"],
  "invitation:create": ["COORDINATOR", "ADMIN"],
  "user:list": ["COORDINATOR", "ADMIN"],
  "user:block": ["COORDINATOR", "ADMIN"],
  "taxonomy:manage": ["COORDINATOR", "ADMIN"],
  "programme:manage": ["COORDINATOR", "ADMIN"],
  "user:change-role": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "email:outbox": ["ADMIN"],
  "privacy:handle-requests": ["ADMIN"],
};

describe("permission map", () => {
  it("lists exactly the permissions of the expected matrix", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const permission of Object.keys(expected) as Permission[]) {
    for (const role of roles) {
      const allowed = expected[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(allowed);
      });
    }
  }

  it("refuses everything to a visitor without an account", () => {
    for (const permission of Object.keys(permissions) as Permission[]) expect(can(null, permission)).toBe(false);
  });

  it("lets a coordinator hand out every role but admin, and an admin every role", () => {
    expect(assignableRoles({ role: "COORDINATOR" })).toEqual(["MEMBER", "PROJECT_LEADER", "COORDINATOR"]);
    expect(assignableRoles({ role: "ADMIN" })).toEqual([...roles]);
    expect(assignableRoles({ role: "PROJECT_LEADER" })).toEqual([]);
    expect(assignableRoles({ role: "MEMBER" })).toEqual([]);
  });
});
