"use client";

import { useState } from "react";
import type { HostSummary } from "@/lib/domain/host/status";
import { secondaryButton } from "@/components/ui";
import { HostFormPanel } from "./host-form";

/** "Edit": the stored secret is never shown, so the credentials are entered again. */
export function EditHost({ host }: { host: HostSummary }) {
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" onClick={() => setOpen(true)} className={secondaryButton}>Edit</button>;
  return (
    <section aria-labelledby="edit-host-heading" className="w-full space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between">
        <h2 id="edit-host-heading" className="font-medium">{`Edit ${host.name}`}</h2>
        <button type="button" onClick={() => setOpen(false)} className={secondaryButton}>Cancel</button>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Enter the credentials again; the stored ones are never sent back to the browser.</p>
      <HostFormPanel editing={host} onDone={() => setOpen(false)} />
    </section>
  );
}
