import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { NetworkPage } from "@/components/networks/network-page";
import { LiveHost } from "@/components/live";
import { hostNetworksHref, routeSegment } from "@/lib/routes";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readHostView } from "@/lib/libvirt/host-read";

type Params = { params: Promise<{ host: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: routeSegment((await params).name) ?? "Not found" };
}

export default async function NetworkDetailPage({ params }: Params) {
  const operator = await requirePageRole("viewer");
  const { host: hostSegment, name: nameSegment } = await params;
  const host = routeSegment(hostSegment) ?? notFound();
  const name = routeSegment(nameSegment) ?? notFound();
  const initial = await readHostView(host, "networks");
  const hostName = initial.ok ? initial.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader host={hostName} trail={[{ label: "Virtual Networks", href: hostNetworksHref(hostName) }, { label: name }]} title={name} />
      <LiveHost hostId={hostName} />
      <NetworkPage host={hostName} name={name} initial={initial} canChange={hasRole(operator.role, "operator")} />
    </div>
  );
}
