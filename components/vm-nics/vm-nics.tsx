"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { VmPageData } from "@/lib/domain/interfaces/vm-view";
import { FlowError, usePlanFlow } from "@/components/interfaces/use-plan-flow";
import { AddNicForm } from "./add-nic-form";
import { NicTable } from "./nic-table";

const RECHECK_MS = 5_000;

/** One VM's NICs and "Add network interface"; re-reads while a live unplug is pending. */
export function VmNics({ data, canChange, initialSource }: { data: VmPageData; canChange: boolean; initialSource: string }) {
  const flow = usePlanFlow();
  const router = useRouter();
  const pending = data.rows.some((r) => r.presence === "removal-pending");
  useEffect(() => {
    if (!pending || flow.busy) return;
    // libvirt reports the unplug only through the live XML: look again until it is gone.
    const timer = setInterval(() => router.refresh(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [pending, flow.busy, router]);
  const host = data.host.name;
  return (
    <div className="space-y-6">
      <NicTable host={host} uuid={data.vm.uuid} rows={data.rows} flow={flow} canChange={canChange} />
      {pending ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
          A live unplug is pending: libvirt has not reported it done, because the guest has not acknowledged it. A guest without an OS never does; the NIC then goes at the VM&apos;s next power-off. This page checks again every few seconds.
        </p>
      ) : null}
      <FlowError flow={flow} />
      {flow.dialog}
      {canChange ? (
        <section aria-labelledby="add-nic-h" className="space-y-3">
          <h2 id="add-nic-h" className="text-lg font-semibold">Add network interface</h2>
          <AddNicForm host={host} uuid={data.vm.uuid} choices={data.choices} initialSource={initialSource} flow={flow} />
        </section>
      ) : null}
    </div>
  );
}
