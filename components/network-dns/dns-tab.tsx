"use client";

import { planDnsHostDelete } from "@/app/hosts/[host]/networks/[name]/dns/actions";
import type { Plan } from "@/lib/domain/plan";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { isLayer3, type DnsHost } from "@/lib/domain/network";
import { ErrorBox } from "@/components/ui";
import { usePlanRequest } from "@/components/network-dhcp/use-plan-request";
import { AddRecordForm } from "./add-record-form";
import { DnsRecords } from "./dns-records";
import { DnsSettingsForm } from "./dns-settings-form";

const heading = "text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";

/** Host records (live) and the domain and forwarders (at the next restart) of one network. */
export function DnsTab({ host, network, canChange, onPlan }: { host: string; network: SnapshotNetwork; canChange: boolean; onPlan: (plan: Plan) => void }) {
  const { busy, error, request } = usePlanRequest(onPlan);
  const spec = network.spec && isLayer3(network.spec) ? network.spec : null;
  if (!spec) return <p className="text-sm">This network has no addresses of its own, so libvirt runs no DNS server for it.</p>;
  const remove = (r: DnsHost) => request(() => planDnsHostDelete({ host, uuid: network.uuid, ip: r.ip }));
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className={heading}>Host records</h2>
        <DnsRecords records={spec.dns?.hosts ?? []} canChange={canChange} busy={busy} onRemove={remove} />
        <ErrorBox message={error} />
        {canChange ? <AddRecordForm host={host} uuid={network.uuid} onPlan={onPlan} /> : null}
      </section>
      <section className="space-y-2">
        <h2 className={heading}>Domain and forwarders</h2>
        <DnsSettingsForm key={network.xml} host={host} uuid={network.uuid} spec={spec} active={network.active} canChange={canChange} onPlan={onPlan} />
      </section>
    </div>
  );
}
