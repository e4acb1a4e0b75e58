"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOut } from "@/app/login/actions";
import { secondaryButton } from "@/components/ui/styles"; // not the barrel: this button is on every page, the barrel would ship every control with it

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
    <button type="button" onClick={onClick} disabled={pending} className={secondaryButton}>
      Sign out
    </button>
  );
}
