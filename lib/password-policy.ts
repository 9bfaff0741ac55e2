/**
 * The shortest password, in a module without zod, so <PasswordRules> in the
 * browser can show it (zod there probes `new Function`, which the CSP
 * refuses); lib/accounts/schema.ts validates with this same constant.
 */
export const PASSWORD_MIN_LENGTH = 12;
