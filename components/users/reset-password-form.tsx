"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { resetUserPassword } from "@/app/users/actions";
import { applyFailure } from "@/components/auth/apply-failure";
import { newPasswordSchema } from "@/lib/auth/user-schemas";

const schema = z.object({ password: newPasswordSchema });

export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { password: "" } });
  const error = formState.errors.password?.message ?? formState.errors.root?.server?.message;
  const id = `reset-${userId}`;

  const onSubmit = handleSubmit(async ({ password }) => {
    setDone(false);
    const result = await resetUserPassword({ userId, password });
    if (!result.ok) return applyFailure(setError, result);
    reset();
    setDone(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <label htmlFor={id} className="sr-only">{`New password for ${username}`}</label>
      <div>
        <input id={id} type="password" autoComplete="new-password" placeholder="New password" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register("password")} className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950" />
        {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{error}</p> : null}
        {done ? <p role="status" className="mt-1 text-sm text-green-700">Password reset; their sessions were signed out.</p> : null}
      </div>
      <button type="submit" disabled={formState.isSubmitting} className="rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Reset password
      </button>
    </form>
  );
}
