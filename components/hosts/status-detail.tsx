"use client";

import type { HostStatus } from "@/lib/domain/host/status";
import { RepinButton } from "./repin-button";

type Props = { status: HostStatus; hostName: string; canAdmin: boolean };

/** The words under the badge: why, and for a changed key the old and new fingerprints. */
export function StatusDetail({ status, hostName, canAdmin }: Props) {
  const key = status.offeredKey;
  return (
    <div className="mt-1 max-w-md space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {status.message ? <p>{status.message}</p> : null}
      {key && status.state === "host-key-changed" ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-2">
          <dt>Pinned</dt>
          <dd className="break-all font-mono" data-testid="pinned-fingerprint">{status.pinnedFingerprint}</dd>
          <dt>Offered</dt>
          <dd className="break-all font-mono" data-testid="offered-fingerprint">{key.fingerprint}</dd>
        </dl>
      ) : null}
      {key && status.state === "host-key-unknown" ? <p className="break-all font-mono">{`Offers ${key.keyType} ${key.fingerprint}`}</p> : null}
      {key && canAdmin ? <RepinButton hostId={status.hostId} hostName={hostName} fingerprint={key.fingerprint} /> : null}
      {status.state === "host-key-changed" ? <p>Nothing runs on this host until an admin trusts the new key.</p> : null}
    </div>
  );
}
