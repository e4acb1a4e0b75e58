"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { ErrorBox, primaryButton } from "@/components/ui";
import { hostFormSchema, type HostForm } from "@/lib/domain/host/schema";
import type { HostSummary, PublicKeyOffer } from "@/lib/domain/host/status";
import { AuthFields } from "./auth-fields";
import { EndpointFields } from "./endpoint-fields";
import { HostKeyConfirm } from "./host-key-confirm";
import { saveHost, checkHostKey, type OfferedKey } from "./host-form-calls";
import { showFailure } from "./show-failure";
import { hostHref } from "@/lib/routes";

type Props = { editing?: HostSummary; onDone?: () => void };

const blank: HostForm = { name: "", address: "", port: 22, username: "root", authKind: "key", privateKey: "", password: "" };

/**
 * Add or edit a host in two steps: the server fetches the host key (no secret
 * sent), the operator trusts it, and only then do the credentials go to the
 * server, which checks the host and stores them sealed.
 */
export function HostFormPanel({ editing, onDone }: Props) {
  const router = useRouter();
  const idPrefix = editing ? `edit-${editing.id}` : "new-host";
  const methods = useForm<HostForm>({
    resolver: zodResolver(hostFormSchema),
    defaultValues: editing ? { ...blank, ...pick(editing) } : blank,
  });
  const [offer, setOffer] = useState<PublicKeyOffer | null>(null);
  const [pending, setPending] = useState<{ values: HostForm; key: OfferedKey } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const { errors, isSubmitting } = methods.formState;

  const onOffer = (next: PublicKeyOffer | null) => {
    setOffer(next);
    methods.setValue("generatedKeyId", next?.keyPairId);
    methods.clearErrors("privateKey");
  };

  const onCheck = methods.handleSubmit(async (values) => {
    setDone(undefined);
    const result = await checkHostKey(values, editing?.id);
    if (result.ok) setPending({ values, key: result.data });
    else showFailure(methods.setError, result);
  });

  const onTrust = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await saveHost(pending.values, pending.key, editing?.id);
    setBusy(false);
    setPending(null);
    if (!result.ok) return showFailure(methods.setError, result);
    setOffer(null);
    if (editing) {
      router.replace(hostHref(result.data.name));
    } else {
      methods.reset(blank);
      setDone(`${result.data.name} was added and passed its checks.`);
    }
    router.refresh();
    onDone?.();
  };

  return (
    <FormProvider {...methods}>
      <form onSubmit={onCheck} noValidate aria-label={editing ? `Edit ${editing.name}` : "Add host"} className="space-y-4">
        <ErrorBox message={errors.root?.server?.message} />
        {done ? <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{done}</p> : null}
        <fieldset disabled={pending !== null} className="grid gap-4 sm:grid-cols-2">
          <EndpointFields idPrefix={idPrefix} />
          <AuthFields idPrefix={idPrefix} offer={offer} onOffer={onOffer} />
        </fieldset>
        {pending ? (
          <HostKeyConfirm
            hostName={pending.values.name}
            keyType={pending.key.keyType}
            fingerprint={pending.key.fingerprint}
            pinned={editing?.hostKeyFingerprint}
            busy={busy}
            onTrust={onTrust}
            onBack={() => setPending(null)}
          />
        ) : (
          <button type="submit" disabled={isSubmitting} className={primaryButton}>
            {editing ? "Check host key" : "Add host"}
          </button>
        )}
        {isSubmitting ? <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">Fetching the host key…</p> : null}
      </form>
    </FormProvider>
  );
}

const pick = ({ name, address, port, username, authKind }: HostSummary) => ({ name, address, port, username, authKind });
