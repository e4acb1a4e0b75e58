"use client";

import { useQuery } from "@tanstack/react-query";
import { loadPortForwards, planPortForwardRemove } from "@/app/hosts/[host]/networks/[name]/forwards/actions";
import type { Plan } from "@/lib/domain/plan";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { formatPorts, ruleKey, type PortForwardRule } from "@/lib/domain/network/port-forward";
import { ErrorBox, smallButton } from "@/components/ui";
import { usePlanRequest } from "@/components/network-dhcp/use-plan-request";
import { AddForwardForm } from "./add-forward-form";

const heading = "text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";

const HOOK_TEXT = {
  absent: "Not installed yet: the first forward installs Switchyard's network hook and restarts libvirtd once.",
  current: "Installed: the host applies these forwards whenever the network starts, with or without Switchyard.",
  outdated: "An older version is installed: the next change updates it.",
  foreign: "The host has another network hook: the first forward keeps it (as network.pre-switchyard) and runs it after Switchyard's.",
} as const;

/**
 * The forwards kept in the network's persistent definition (where the hook
 * reads them), read fresh with the host's addresses and listening ports.
 * `version` changes with every host read, so an applied plan shows at once.
 */
export function ForwardsTab({ host, network, canChange, onPlan, version }: { host: string; network: SnapshotNetwork; canChange: boolean; onPlan: (plan: Plan) => void; version: string }) {
  const query = useQuery({
    queryKey: ["port-forwards", host, network.uuid, version],
    queryFn: () => loadPortForwards({ host, uuid: network.uuid }),
    placeholderData: (previous) => previous,
  });
  const { busy, error, request } = usePlanRequest(onPlan);
  const result = query.data;
  if (!result) return <p className="text-sm" role="status">Reading the network&apos;s forwards…</p>;
  if (!result.ok) return <ErrorBox message={result.message} />;
  const view = result.data;
  const remove = (rule: PortForwardRule) => request(() => planPortForwardRemove({ host, uuid: network.uuid, key: ruleKey(rule) }));
  const leases = network.leases.filter((l) => l.family === "ipv4").map((l) => ({ ip: l.ip, label: `lease ${l.hostname ?? l.mac}` }));
  const spec = network.spec && "ipv4" in network.spec ? network.spec : null;
  const reservations = (spec?.ipv4?.dhcp?.hosts ?? []).map((h) => ({ ip: h.ip, label: `reservation ${h.name ?? h.mac ?? ""}` }));
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className={heading}>Port forwards</h2>
        {view.rules.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No port forwards.</p> : (
          <table aria-label="Port forwards" className="w-full text-left text-sm">
            <thead><tr className="border-b border-zinc-200 dark:border-zinc-800"><th className="py-1">Protocol</th><th>Host address</th><th>Host port</th><th>Guest address</th><th>Guest port</th><th>Comment</th><th /></tr></thead>
            <tbody>
              {view.rules.map((r) => (
                <tr key={ruleKey(r)} data-rule={ruleKey(r)} className="border-b border-zinc-100 dark:border-zinc-900">
                  <td className="py-1 uppercase">{r.protocol}</td>
                  <td className="font-mono">{r.hostAddress ?? "any"}</td>
                  <td className="font-mono">{formatPorts(r.hostPorts)}</td>
                  <td className="font-mono">{r.guestAddress}</td>
                  <td className="font-mono">{formatPorts(r.guestPorts)}</td>
                  <td>{r.comment ?? ""}</td>
                  <td className="text-right">
                    {canChange ? <button type="button" className={smallButton} disabled={busy} onClick={() => remove(r)} aria-label={`Remove forward ${r.protocol} ${formatPorts(r.hostPorts)}`}>Remove</button> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorBox message={error} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Network hook: {HOOK_TEXT[view.hook]}</p>
      </section>
      {view.refusal ? <p role="note" className="text-sm">{view.refusal}</p> : canChange ? (
        <section className="space-y-2">
          <h2 className={heading}>Add a forward</h2>
          <AddForwardForm host={host} uuid={network.uuid} hostAddresses={view.hostAddresses} guests={[...reservations, ...leases]} onPlan={onPlan} />
        </section>
      ) : null}
    </div>
  );
}
