import type { Metadata } from "next";
import { FleetNetworks } from "@/components/networks/fleet-networks";
import { LiveFleet } from "@/components/live";
import { requirePageRole } from "@/lib/auth/guard";
import { listHosts } from "@/lib/hosts";

export const metadata: Metadata = { title: "Networks" };

export default async function FleetNetworksPage() {
  await requirePageRole("viewer");
  const hosts = (await listHosts()).map((h) => h.name);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Networks</h1>
      <LiveFleet />
      {hosts.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No hosts yet. Add one on the Hosts page.</p> : <FleetNetworks hosts={hosts} />}
    </div>
  );
}
