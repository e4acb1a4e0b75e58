"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeUser } from "@/app/users/actions";
import { ErrorBox } from "@/components/ui";

/** Two clicks, so a stray one never removes anybody. */
export function RemoveUserButton({ userId, username }: { userId: string; username: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const onConfirm = () =>
    startTransition(async () => {
      const result = await removeUser({ userId });
      setConfirming(false);
      if (!result.ok) return setError(result.message);
      router.refresh();
    });

  const style = "rounded-md border px-2 py-1 text-sm";
  return (
    <div>
      {confirming ? (
        <span className="flex gap-2">
          <button type="button" disabled={pending} onClick={onConfirm} className={`${style} border-red-400 text-red-700`}>{`Confirm removing ${username}`}</button>
          <button type="button" onClick={() => setConfirming(false)} className={`${style} border-zinc-300`}>Cancel</button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={`${style} border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700`} aria-label={`Remove ${username}`}>Remove</button>
      )}
      <ErrorBox message={error} />
    </div>
  );
}
