"use client";

import { useState } from "react";
import { generateKeyPair } from "@/app/hosts/actions";
import type { PublicKeyOffer } from "@/lib/domain/host/status";
import { ErrorBox, secondaryButton, TextArea } from "@/components/ui";

type Props = { idPrefix: string; offer: PublicKeyOffer | null; onOffer: (offer: PublicKeyOffer | null) => void };

/** "Generate key pair": the server keeps the private half; we show the line for authorized_keys. */
export function GeneratedKey({ idPrefix, offer, onOffer }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    const result = await generateKeyPair();
    setBusy(false);
    if (result.ok) onOffer(result.data);
    else setError(result.message);
  };

  if (!offer) {
    return (
      <div>
        <button type="button" onClick={generate} disabled={busy} className={secondaryButton}>
          Generate key pair
        </button>
        <ErrorBox message={error} />
      </div>
    );
  }
  const id = `${idPrefix}-public-key`;
  return (
    <div className="space-y-2">
      <TextArea id={id} label="Public key: add this line to the user's ~/.ssh/authorized_keys on the host" readOnly rows={2} mono value={offer.publicKey}
        onFocus={(e) => e.currentTarget.select()} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {`The private key (${offer.fingerprint}) stays on the Switchyard server and is stored encrypted with the host.`}
      </p>
      <button type="button" onClick={() => onOffer(null)} className={secondaryButton}>
        Paste a private key instead
      </button>
    </div>
  );
}
