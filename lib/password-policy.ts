/**
 * The shortest password, without zod, for <PasswordRules> in the browser
 * (zod there probes `new Function`, which the CSP refuses). The same value
 * as lib/accounts/schema.ts; tests/client-bundle.test.ts checks they agree.
 */
export const PASSWORD_MIN_LENGTH = 12;
