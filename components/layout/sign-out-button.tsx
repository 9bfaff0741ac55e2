"use client";

import { signOut } from "next-auth/react";
import { browserStorage, removeAllLocalDrafts } from "@/lib/editor/local-draft";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => {
        // Unsent texts kept in this browser are the signed-in person's: the next person here must not find them.
        removeAllLocalDrafts(browserStorage());
        void signOut({ callbackUrl: "/inloggen?status=signedOut" });
      }}
      className="rounded bg-white px-3 py-1 text-sm font-semibold text-brand-dark hover:bg-brand-light"
    >
      {label}
    </button>
  );
}
