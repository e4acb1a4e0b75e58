"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { addUser } from "@/app/users/actions";
import { applyFailure } from "@/components/auth/apply-failure";
import { ErrorBox, primaryButton, Select, TextField } from "@/components/ui";
import { ROLES } from "@/lib/auth/roles";
import { addUserSchema, type AddUserInput } from "@/lib/auth/user-schemas";

export function AddUserForm() {
  const router = useRouter();
  const { register, handleSubmit, setError, reset, formState } = useForm<AddUserInput>({
    resolver: zodResolver(addUserSchema),
    defaultValues: { username: "", password: "", role: "viewer" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    const result = await addUser(values);
    if (!result.ok) return applyFailure(setError, result);
    reset();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add user" className="grid gap-4 sm:grid-cols-4 sm:items-start">
      <div className="sm:col-span-4">
        <ErrorBox message={errors.root?.server?.message} />
      </div>
      <TextField id="new-username" label="Username" autoComplete="off" error={errors.username?.message} {...register("username")} />
      <TextField id="new-password" label="Password" type="password" autoComplete="new-password" error={errors.password?.message} {...register("password")} />
      <Select id="new-role" label="Role" error={errors.role?.message} {...register("role")}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <button type="submit" disabled={isSubmitting} className={`mt-6 ${primaryButton}`}>
        Add user
      </button>
    </form>
  );
}
