"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { removeHost } from "@/app/hosts/actions";
import { dangerButton, ErrorBox, secondaryButton } from "@/components/ui";

/** Asks first: removing forgets the host's credentials (the host itself is untouched). */
export function RemoveHost({ hostId, hostName }: { hostId: string; hostName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const remove = async () => {
    setBusy(true);
    const result = await removeHost({ hostId });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.replace("/hosts");
    router.refresh();
  };

  if (!confirming) {
    return <button type="button" onClick={() => setConfirming(true)} className={secondaryButton}>Remove</button>;
  }
  return (
    <div role="alertdialog" aria-labelledby="remove-host-question" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950/40">
      <p id="remove-host-question" className="text-sm">{`Remove ${hostName}? Switchyard forgets its address and credentials; nothing changes on the host.`}</p>
      <div className="flex gap-2">
        <button type="button" onClick={remove} disabled={busy} autoFocus className={dangerButton}>
          {`Remove ${hostName}`}
        </button>
        <button type="button" onClick={() => setConfirming(false)} disabled={busy} className={secondaryButton}>Cancel</button>
      </div>
      <ErrorBox message={error} />
    </div>
  );
}
