"use client";

import { useFormStatus } from "react-dom";
import { signOutEverywhereAction } from "@/lib/accounts/actions";

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="inline-flex items-center rounded border border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70"
    >
      {label}
    </button>
  );
}

/** Ends every session of the signed-in person; the action then sends this browser to the sign-in page. */
export function SignOutEverywhereButton({ label }: { label: string }) {
  return (
    <form action={signOutEverywhereAction}>
      <Submit label={label} />
    </form>
  );
}
