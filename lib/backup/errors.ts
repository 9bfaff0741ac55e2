/** A backup or restore problem, told in one line naming it; no stack trace is shown for it. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}

/** Every failed restore ends with this: it runs in one transaction, so a failure changes nothing. */
export const UNTOUCHED = "De database is niet veranderd.";
