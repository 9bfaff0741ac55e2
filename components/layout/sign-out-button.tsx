"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/inloggen?status=signedOut" })}
      className="rounded bg-white px-3 py-1 text-sm font-semibold text-brand-dark hover:bg-brand-light"
    >
      {label}
    </button>
  );
}
