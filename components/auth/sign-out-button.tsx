"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOut } from "@/app/login/actions";

export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      await signOut();
      router.replace("/login");
      // Re-render the layout too, so the nav forgets the old session.
      router.refresh();
    });
  return (
    <button type="button" onClick={onClick} disabled={pending} className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
      Sign out
    </button>
  );
}
