"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserRole } from "@/app/users/actions";
import { Select } from "@/components/ui";
import { ROLES, type Role } from "@/lib/auth/roles";

export function RoleSelect({ userId, username, role }: { userId: string; username: string; role: Role }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const onChange = (next: string) =>
    startTransition(async () => {
      const result = await setUserRole({ userId, role: next });
      setError(result.ok ? undefined : result.message);
      router.refresh();
    });

  // The table's column header says "Role"; the name is for screen readers (and tests).
  return (
    <Select
      id={`role-${userId}`}
      label={<span className="sr-only">{`Role for ${username}`}</span>}
      error={error}
      announceError
      value={role}
      disabled={pending}
      onChange={(e) => onChange(e.target.value)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>{r}</option>
      ))}
    </Select>
  );
}
