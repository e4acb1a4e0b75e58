import { primaryButton, secondaryButton } from "@/components/ui";

type Props = {
  hostName: string;
  keyType: string;
  fingerprint: string;
  /** The fingerprint already pinned (when editing), to say whether it changed. */
  pinned?: string | null;
  busy: boolean;
  onTrust: () => void;
  onBack: () => void;
};

/** The trust step: nothing secret has been sent yet, and nothing is stored until "Trust this host key". */
export function HostKeyConfirm({ hostName, keyType, fingerprint, pinned, busy, onTrust, onBack }: Props) {
  const changed = pinned && pinned !== fingerprint;
  return (
    <section aria-labelledby="host-key-heading" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <h3 id="host-key-heading" className="font-medium">{`Is this ${hostName}'s host key?`}</h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Compare it with <code>ssh-keygen -lf /etc/ssh/ssh_host_{keyType.replace(/^ssh-/, "")}_key.pub</code> run on the host itself. Your credentials
        are sent only after you trust it.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Key type</dt>
        <dd data-testid="host-key-type">{keyType}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Fingerprint</dt>
        <dd data-testid="host-key-fingerprint" className="break-all font-mono">{fingerprint}</dd>
        {changed ? (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Pinned now</dt>
            <dd className="break-all font-mono text-amber-800 dark:text-amber-300">{`${pinned} (different)`}</dd>
          </>
        ) : null}
      </dl>
      <div className="flex gap-2">
        <button type="button" onClick={onTrust} disabled={busy} className={primaryButton}>
          Trust this host key
        </button>
        <button type="button" onClick={onBack} disabled={busy} className={secondaryButton}>
          Back
        </button>
        {busy ? <span role="status" className="self-center text-sm text-zinc-600 dark:text-zinc-400">Connecting and checking the host…</span> : null}
      </div>
    </section>
  );
}
