"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { signIn } from "@/app/login/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/user-schemas";
import { applyFailure } from "./apply-failure";
import { ErrorBox, primaryButton, TextField } from "@/components/ui";

export function SignInForm({ next }: { next: string }) {
  const { register, handleSubmit, setError, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    const result = await signIn(values);
    if (!result.ok) return applyFailure(setError, result);
    // A full load, so the layout (and its nav) renders for the signed-in operator.
    window.location.assign(next);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorBox message={errors.root?.server?.message} />
      <TextField id="username" label="Username" autoComplete="username" error={errors.username?.message} {...register("username")} />
      <TextField id="password" label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <button type="submit" disabled={isSubmitting} className={`w-full ${primaryButton}`}>
        Sign in
      </button>
    </form>
  );
}
