/** The longest bio (a few sentences about who you are and what you work on), without zod, so the client form can show it (tests/client-bundle.test.ts). */
export const BIO_MAX_LENGTH = 500;
