"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { Plan } from "@/lib/domain/plan";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { ErrorBox, secondaryButton } from "@/components/ui";
import { useXmlEdit } from "./use-xml-edit";
import { XmlReview } from "./xml-review";

const XmlCodeEditor = dynamic(() => import("./xml-code-editor"), { ssr: false, loading: () => <p className="text-sm">Loading the editor…</p> });
const pre = "overflow-auto rounded bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900";

/** The network's XML, read-only, with an Edit mode for operators. */
export function XmlTab({ host, network, canChange, onPlan }: { host: string; network: SnapshotNetwork; canChange: boolean; onPlan: (plan: Plan) => void }) {
  const edit = useXmlEdit(host, network.uuid);
  const [text, setText] = useState("");
  if (!edit.loaded) {
    return (
      <div className="space-y-2">
        {canChange ? <button type="button" className={secondaryButton} disabled={edit.busy} onClick={async () => setText((await edit.open()) ?? "")}>Edit</button> : null}
        <ErrorBox message={edit.error} />
        <pre aria-label="Network XML (read-only)" className={pre}>{network.xml}</pre>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Editing the network&apos;s persistent definition (net-dumpxml --inactive). The name and UUID cannot change.</p>
      <XmlCodeEditor value={text} onChange={setText} />
      <div className="flex gap-2">
        <button type="button" className={secondaryButton} disabled={edit.busy} onClick={() => edit.check(text)}>{edit.busy ? "Checking…" : "Apply"}</button>
        <button type="button" className={secondaryButton} onClick={edit.close}>Cancel</button>
      </div>
      <ErrorBox message={edit.error} />
      {edit.stale ? (
        <section aria-label="Newer version on the host" className="space-y-2">
          <pre className={pre}>{edit.stale}</pre>
          <button type="button" className={secondaryButton} onClick={() => setText(edit.restartFrom(edit.stale!))}>Start again from the newer version</button>
        </section>
      ) : null}
      {edit.review ? <XmlReview review={edit.review} onContinue={() => { onPlan(edit.review!.plan); edit.close(); }} /> : null}
    </div>
  );
}
