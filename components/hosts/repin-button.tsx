"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { repinHostKey } from "@/app/hosts/actions";
import { ErrorBox, secondaryButton } from "@/components/ui";
import { hostStatusKey } from "./use-host-status";

type Props = { hostId: string; hostName: string; fingerprint: string };

/** Admins only: trust the key the host offers now. The server checks it is still that key. */
export function RepinButton({ hostId, hostName, fingerprint }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const repin = async () => {
    setBusy(true);
    setError(undefined);
    const result = await repinHostKey({ hostId, fingerprint });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    await queryClient.invalidateQueries({ queryKey: hostStatusKey(hostId) });
    router.refresh();
  };

  return (
    <div className="mt-2">
      <button type="button" onClick={repin} disabled={busy} className={secondaryButton} aria-label={`Trust the new host key of ${hostName}`}>
        Trust new key
      </button>
      <ErrorBox message={error} />
    </div>
  );
}
