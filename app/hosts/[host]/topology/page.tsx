import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostTopology } from "@/components/topology/host-topology";
import { LiveHost } from "@/components/live";
import { routeSegment } from "@/lib/routes";
import { requirePageRole } from "@/lib/auth/guard";
import { readHostView } from "@/lib/libvirt/host-read";
import { listSegments } from "@/lib/changes/cross-host-store";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Topology · ${routeSegment((await params).host) ?? "Not found"}` };
}

/**
 * One host's NICs, bridges, networks, VM interfaces and VMs. The server reads
 * the host once (the same one-exec snapshot as the networks pages) and seeds
 * the client's query with it; live events refetch it from then on.
 */
export default async function HostTopologyPage({ params }: Params) {
  await requirePageRole("viewer");
  const host = routeSegment((await params).host) ?? notFound();
  const initial = await readHostView(host, "full");
  const hostName = initial.ok ? initial.data.host.name : host;
  return (
    <div className="space-y-4">
      <HostPageHeader host={hostName} trail={[{ label: "Topology" }]} title={`Topology of ${hostName}`} actions={<LiveHost hostId={hostName} />} />
      <HostTopology host={hostName} initial={initial} segments={await listSegments()} />
    </div>
  );
}
