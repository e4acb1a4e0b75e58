import type { Metadata } from "next";
import Link from "next/link";
import { NetworkPage } from "@/components/networks/network-page";
import { LiveHost } from "@/components/live";
import { routeSegment } from "@/components/networks/route-segment";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readHostView } from "@/lib/libvirt/host-read";

type Params = { params: Promise<{ host: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: routeSegment((await params).name) };
}

export default async function NetworkDetailPage({ params }: Params) {
  const operator = await requirePageRole("viewer");
  const { host: hostSegment, name: nameSegment } = await params;
  const host = routeSegment(hostSegment);
  const name = routeSegment(nameSegment);
  const initial = await readHostView(host);
  const hostName = initial.ok ? initial.data.host.name : host;
  const link = "text-brand-600 hover:underline dark:text-brand-500";
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/hosts" className={link}>Hosts</Link>{" / "}
        <Link href={`/hosts/${encodeURIComponent(hostName)}`} className={link}>{hostName}</Link>{" / "}
        <Link href={`/hosts/${encodeURIComponent(hostName)}/networks`} className={link}>Virtual Networks</Link>{" / "}
        {name}
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
      <LiveHost hostId={hostName} />
      <NetworkPage host={hostName} name={name} initial={initial} canChange={hasRole(operator.role, "operator")} />
    </div>
  );
}
