import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostNetworks } from "@/components/networks/host-networks";
import { LiveHost } from "@/components/live";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadHostRows } from "@/lib/hosts/live-model-server";
import { newNetworkHref, routeSegment } from "@/lib/routes";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Virtual Networks · ${routeSegment((await params).host) ?? "Not found"}` };
}

export default async function HostNetworksPage({ params }: Params) {
  const operator = await requirePageRole("viewer");
  const host = routeSegment((await params).host) ?? notFound();
  // The table's rows only, from the live host model when it is current: no SSH round trip before answering.
  const initial = await loadHostRows(host);
  const hostName = initial.ok ? initial.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader
        host={hostName}
        trail={[{ label: "Virtual Networks" }]}
        title={`Virtual Networks on ${hostName}`}
        // Viewers cannot create networks, so they are not offered the way in.
        actions={hasRole(operator.role, "operator") ? <Link href={newNetworkHref(hostName)} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Create network</Link> : undefined}
      />
      <LiveHost hostId={hostName} />
      <HostNetworks host={hostName} initial={initial} />
    </div>
  );
}
