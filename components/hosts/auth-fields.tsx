"use client";

import { useFormContext } from "react-hook-form";
import type { HostForm } from "@/lib/domain/host/schema";
import type { PublicKeyOffer } from "@/lib/domain/host/status";
import { GeneratedKey } from "./generated-key";
import { errorClass, inputClass, TextField } from "@/components/ui";

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
      <div>
        <label htmlFor={`${idPrefix}-auth`} className="block text-sm font-medium">
          Authentication
        </label>
        <select id={`${idPrefix}-auth`} {...register("authKind")} className={inputClass}>
          <option value="key">SSH key</option>
          <option value="password">Password</option>
        </select>
      </div>
      {kind === "password" ? (
        <TextField id={`${idPrefix}-password`} label="SSH password" type="password" autoComplete="off" error={errors.password?.message} {...register("password")} />
      ) : (
        <div className="space-y-3">
          {offer ? null : (
            <div>
              <label htmlFor={keyId} className="block text-sm font-medium">
                Private key
              </label>
              <textarea
                id={keyId}
                rows={5}
                spellCheck={false}
                autoComplete="off"
                placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
                aria-invalid={keyError ? true : undefined}
                aria-describedby={keyError ? `${keyId}-error` : undefined}
                className={`${inputClass} font-mono`}
                {...register("privateKey")}
              />
              {keyError ? <p id={`${keyId}-error`} className={errorClass}>{keyError}</p> : null}
            </div>
          )}
          <GeneratedKey idPrefix={idPrefix} offer={offer} onOffer={onOffer} />
          {offer && keyError ? <p className={errorClass}>{keyError}</p> : null}
        </div>
      )}
    </div>
  );
}
