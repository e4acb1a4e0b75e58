import type { Metadata } from "next";
import { CreateNetworkOn } from "@/components/networks/create-network-on";
import { CrossHostFleetSummary } from "@/components/cross-host/fleet-summary";
import { listSegments } from "@/lib/changes/cross-host-store";
import { FleetNetworks } from "@/components/networks/fleet-networks";
import { LiveFleet } from "@/components/live";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { listHosts } from "@/lib/hosts";

export const metadata: Metadata = { title: "Networks" };

export default async function FleetNetworksPage() {
  const operator = await requirePageRole("viewer");
  const hosts = (await listHosts()).map((h) => h.name);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Networks</h1>
        {hasRole(operator.role, "operator") ? <CreateNetworkOn hosts={hosts} /> : null}
      </div>
      <CrossHostFleetSummary segments={await listSegments()} canCreate={hasRole(operator.role, "operator")} />
      <LiveFleet />
      {hosts.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No hosts yet. Add one on the Hosts page.</p> : <FleetNetworks hosts={hosts} />}
    </div>
  );
}
