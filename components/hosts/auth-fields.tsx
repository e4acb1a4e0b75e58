"use client";

import { useFormContext } from "react-hook-form";
import type { HostForm } from "@/lib/domain/host/schema";
import type { PublicKeyOffer } from "@/lib/domain/host/status";
import { GeneratedKey } from "./generated-key";
import { errorClass, Select, TextArea, TextField } from "@/components/ui";

type Props = { idPrefix: string; offer: PublicKeyOffer | null; onOffer: (offer: PublicKeyOffer | null) => void };

/** Authentication, and the one secret that goes with it. */
export function AuthFields({ idPrefix, offer, onOffer }: Props) {
  const { register, watch, formState } = useFormContext<HostForm>();
  const { errors } = formState;
  const kind = watch("authKind");
  const keyError = errors.privateKey?.message;
  const keyId = `${idPrefix}-private-key`;

  return (
    <div className="space-y-4 sm:col-span-2">
      <Select id={`${idPrefix}-auth`} label="Authentication" {...register("authKind")}>
        <option value="key">SSH key</option>
        <option value="password">Password</option>
      </Select>
      {kind === "password" ? (
        <TextField id={`${idPrefix}-password`} label="SSH password" type="password" autoComplete="off" error={errors.password?.message} {...register("password")} />
      ) : (
        <div className="space-y-3">
          {offer ? null : (
            <TextArea id={keyId} label="Private key" rows={5} mono placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" error={keyError} {...register("privateKey")} />
          )}
          <GeneratedKey idPrefix={idPrefix} offer={offer} onOffer={onOffer} />
          {offer && keyError ? <p className={errorClass}>{keyError}</p> : null}
        </div>
      )}
    </div>
  );
}
