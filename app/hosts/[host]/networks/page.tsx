import type { Metadata } from "next";
import Link from "next/link";
import { HostPageHeader, hostHref } from "@/components/hosts/host-page-header";
import { HostNetworks } from "@/components/networks/host-networks";
import { LiveHost } from "@/components/live";
import { requirePageRole } from "@/lib/auth/guard";
import { readHostView } from "@/lib/libvirt/host-read";
import { routeSegment } from "@/components/networks/route-segment";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Virtual Networks · ${routeSegment((await params).host)}` };
}

export default async function HostNetworksPage({ params }: Params) {
  await requirePageRole("viewer");
  const host = routeSegment((await params).host);
  const initial = await readHostView(host, "networks");
  const hostName = initial.ok ? initial.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader
        host={hostName}
        trail={[{ label: "Virtual Networks" }]}
        title={`Virtual Networks on ${hostName}`}
        actions={<Link href={`${hostHref(hostName)}/new-network`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Create network</Link>}
      />
      <LiveHost hostId={hostName} />
      <HostNetworks host={hostName} initial={initial} />
    </div>
  );
}
