"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { resetUserPassword } from "@/app/users/actions";
import { applyFailure } from "@/components/auth/apply-failure";
import { secondaryButton, TextField } from "@/components/ui";
import { newPasswordSchema } from "@/lib/auth/user-schemas";

const schema = z.object({ password: newPasswordSchema });

export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { password: "" } });
  const error = formState.errors.password?.message ?? formState.errors.root?.server?.message;

  const onSubmit = handleSubmit(async ({ password }) => {
    setDone(false);
    const result = await resetUserPassword({ userId, password });
    if (!result.ok) return applyFailure(setError, result);
    reset();
    setDone(true);
  });

  // The row already names the user; the field's name is for screen readers (and tests).
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <div>
        <TextField
          id={`reset-${userId}`}
          label={<span className="sr-only">{`New password for ${username}`}</span>}
          error={error}
          type="password"
          autoComplete="new-password"
          placeholder="New password"
          {...register("password")}
        />
        {done ? <p role="status" className="mt-1 text-sm text-green-700">Password reset; their sessions were signed out.</p> : null}
      </div>
      <button type="submit" disabled={formState.isSubmitting} className={`mt-1 ${secondaryButton}`}>
        Reset password
      </button>
    </form>
  );
}
