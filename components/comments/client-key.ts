/**
 * A fresh idempotency key for one comment form. crypto.randomUUID() exists
 * only on HTTPS and localhost; on a plain-HTTP intranet address the key is
 * built from crypto.getRandomValues(), which works everywhere.
 */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === "function") {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
