export * from "./policy/permissions";
