import type { Metadata } from "next";
import { FleetTopology } from "@/components/topology/fleet-topology";
import { LiveFleet } from "@/components/live";
import { requirePageRole } from "@/lib/auth/guard";
import { listHosts } from "@/lib/hosts";
import { listSegments } from "@/lib/changes/cross-host-store";

export const metadata: Metadata = { title: "Topology" };

/** Every registered host's topology in one graph, a box per host. */
export default async function FleetTopologyPage() {
  await requirePageRole("viewer");
  const hosts = (await listHosts()).map((h) => h.name);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Topology</h1>
        <LiveFleet />
      </div>
      {hosts.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No hosts yet. Add one on the Hosts page.</p>
      ) : (
        <FleetTopology hosts={hosts} segments={await listSegments()} />
      )}
    </div>
  );
}
