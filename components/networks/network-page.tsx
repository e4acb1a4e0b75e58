"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Plan } from "@/lib/domain/plan";
import { PlanDialog } from "@/components/changes/plan-dialog";
import type { HostView } from "@/lib/domain/host/snapshot";
import { networkRow } from "@/lib/domain/host/snapshot-rows";
import { attachedVms, findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { HostError } from "./host-error";
import { NetworkActions } from "./network-actions";
import { NetworkOverview } from "./network-overview";
import { NetworkVms } from "./network-vms";
import { fetchHostView, hostViewKey } from "./queries";
import { Tabs } from "./tabs";
import { DhcpTab } from "@/components/network-dhcp/dhcp-tab";
import { DnsTab } from "@/components/network-dns/dns-tab";
import { XmlTab } from "@/components/network-xml/xml-tab";
import { ForwardsTab } from "@/components/network-forwards/forwards-tab";
import { LiveAddresses } from "@/components/vm-addresses/live-addresses";
import { hostVmsHref } from "@/lib/routes";

/** One network: Overview, VMs and a read-only XML tab, from the host's one snapshot. */
export function NetworkPage({ host, name, initial, canChange }: { host: string; name: string; initial: ActionResult<HostView>; canChange: boolean }) {
  const query = useQuery({ queryKey: hostViewKey(host), queryFn: ({ signal }) => fetchHostView(host, signal), initialData: initial });
  const queryClient = useQueryClient();
  const router = useRouter();
  const [plan, setPlan] = useState<Plan | null>(null);
  const finished = async (nextHref?: string) => {
    setPlan(null);
    if (nextHref) router.push(nextHref);
    // Every cached view of the host, the lists' rows included (an autostart flip raises no libvirt event).
    await queryClient.invalidateQueries({ queryKey: ["host-view", host] });
  };
  // The dialog stays up whatever the host now says: a refetch during a delete
  // must not take the progress and the outcome away.
  const dialog = plan ? <PlanDialog key={plan.id} plan={plan} onClose={() => setPlan(null)} onFinished={finished} /> : null;
  // Same tree position in every branch, so React keeps the dialog's state.
  return (
    <div className="space-y-4">
      {dialog}
      <NetworkBody host={host} name={name} result={query.data} canChange={canChange} planOpen={!!plan} onPlan={setPlan} />
    </div>
  );
}

type BodyProps = { host: string; name: string; result: ActionResult<HostView>; canChange: boolean; planOpen: boolean; onPlan: (plan: Plan) => void };

function NetworkBody({ host, name, result, canChange, planOpen, onPlan }: BodyProps) {
  if (!result.ok) return <HostError host={host} failure={result} />;
  const { snapshot } = result.data;
  const network = findNetworkByName(snapshot, name);
  if (!network) return <p role="status" className="text-sm">There is no network with this name on {host} (any more).</p>;
  const row = networkRow(snapshot, network);
  return (
    <div className="space-y-4">
      <NetworkActions host={host} network={network} canChange={canChange} planOpen={planOpen} onPlan={onPlan} />
      <Tabs label="Network details" tabs={[
        { name: "Overview", content: <NetworkOverview network={network} row={row} /> },
        { name: "VMs", content: <><a href={hostVmsHref(host, { network: name })} className="mb-3 inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Add network interface…</a><NetworkVms vms={attachedVms(snapshot, network)} /><LiveAddresses host={host} snapshot={snapshot} /></> },
        { name: "DHCP", content: <><DhcpTab host={host} network={network} canChange={canChange} onPlan={onPlan} /><LiveAddresses host={host} snapshot={snapshot} /></> },
        { name: "DNS", content: <DnsTab host={host} network={network} canChange={canChange} onPlan={onPlan} /> },
        { name: "XML", content: <XmlTab host={host} network={network} canChange={canChange} onPlan={onPlan} /> },
        ...(network.spec?.mode === "nat" ? [{ name: "Port forwarding", content: <ForwardsTab host={host} network={network} canChange={canChange} onPlan={onPlan} version={snapshot.takenAt} /> }] : []),
      ]} />
    </div>
  );
}
