"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserRole } from "@/app/users/actions";
import { ROLES, type Role } from "@/lib/auth/roles";

export function RoleSelect({ userId, username, role }: { userId: string; username: string; role: Role }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const errorId = `role-${userId}-error`;

  const onChange = (next: string) =>
    startTransition(async () => {
      const result = await setUserRole({ userId, role: next });
      setError(result.ok ? undefined : result.message);
      router.refresh();
    });

  return (
    <div>
      <label htmlFor={`role-${userId}`} className="sr-only">{`Role for ${username}`}</label>
      <select
        id={`role-${userId}`}
        value={role}
        disabled={pending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>{r}</option>
        ))}
      </select>
      {error ? <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
