"use client";

import { useQueryClient } from "@tanstack/react-query";
import { planDhcpHostAdd, planDhcpHostDelete } from "@/app/hosts/[host]/networks/[name]/dhcp/actions";
import type { Plan } from "@/lib/domain/plan";
import type { DhcpLease, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { isLayer3, type DhcpHost } from "@/lib/domain/network";
import { hostViewKey } from "@/components/networks/queries";
import { AddHostForm } from "./add-host-form";
import { ErrorBox, secondaryButton } from "@/components/ui";
import { LeasesTable } from "./leases-table";
import { RangeForm } from "./range-form";
import { StaticHosts } from "./static-hosts";
import { usePlanRequest } from "./use-plan-request";

const heading = "text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";

/** Leases, reservations and the range of one network; every change opens the page's plan dialog. */
export function DhcpTab({ host, network, canChange, onPlan }: { host: string; network: SnapshotNetwork; canChange: boolean; onPlan: (plan: Plan) => void }) {
  const queryClient = useQueryClient();
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const spec = network.spec && isLayer3(network.spec) ? network.spec : null;
  if (!spec) return <p className="text-sm">This network has no addresses of its own, so libvirt runs no DHCP server for it.</p>;
  const hosts: DhcpHost[] = [...(spec.ipv4?.dhcp?.hosts ?? []), ...(spec.ipv6?.dhcp?.hosts ?? [])];
  const reserved = (l: DhcpLease) => hosts.some((h) => h.mac?.toLowerCase() === l.mac && h.ip === l.ip);
  const uuid = network.uuid;
  const reserve = (l: DhcpLease) => request(() => planDhcpHostAdd({ host, uuid, mac: l.mac, ip: l.ip, name: l.hostname ?? "" }));
  const remove = (h: DhcpHost) => request(() => planDhcpHostDelete({ host, uuid, mac: h.mac, ip: h.ip }));
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 className={heading}>Current leases</h2>
          <button type="button" className={secondaryButton} onClick={() => queryClient.invalidateQueries({ queryKey: hostViewKey(host) })}>Refresh</button>
        </div>
        {network.active ? <LeasesTable leases={network.leases} reserved={reserved} canChange={canChange} busy={busy} onReserve={reserve} />
          : <p className="text-sm text-zinc-600 dark:text-zinc-400">The network is stopped: it has no leases.</p>}
        <ErrorBox message={error && [error, ...Object.values(fieldErrors)].join(" ")} />
      </section>
      <section className="space-y-2">
        <h2 className={heading}>Static hosts</h2>
        <StaticHosts hosts={hosts} canChange={canChange} busy={busy} onRemove={remove} />
        {canChange ? <AddHostForm host={host} uuid={uuid} onPlan={onPlan} /> : null}
      </section>
      {spec.ipv4 ? (
        <section className="space-y-2">
          <h2 className={heading}>Range</h2>
          <RangeForm key={`${network.active}`} host={host} uuid={uuid} range={spec.ipv4.dhcp?.ranges[0]} active={network.active} canChange={canChange} onPlan={onPlan} />
        </section>
      ) : null}
    </div>
  );
}
