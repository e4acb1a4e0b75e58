"use client";

import { useFormContext } from "react-hook-form";
import { TextField } from "@/components/ui";
import type { HostForm } from "@/lib/domain/host/schema";

/** Name, Address, Port and Username: where the host is and who logs in. */
export function EndpointFields({ idPrefix }: { idPrefix: string }) {
  const { register, formState } = useFormContext<HostForm>();
  const { errors } = formState;
  return (
    <>
      <TextField id={`${idPrefix}-name`} label="Name" autoComplete="off" placeholder="hv-a" error={errors.name?.message} {...register("name")} />
      <TextField id={`${idPrefix}-address`} label="Address" autoComplete="off" placeholder="198.18.0.2 or hv-a.example.net" error={errors.address?.message} {...register("address")} />
      <TextField id={`${idPrefix}-port`} label="Port" type="number" min={1} max={65535} error={errors.port?.message} {...register("port", { valueAsNumber: true })} />
      <TextField id={`${idPrefix}-username`} label="Username" autoComplete="off" error={errors.username?.message} {...register("username")} />
    </>
  );
}
