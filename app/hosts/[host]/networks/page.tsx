import type { Metadata } from "next";
import Link from "next/link";
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
  const initial = await readHostView(host);
  const hostName = initial.ok ? initial.data.host.name : host;
  const base = `/hosts/${encodeURIComponent(hostName)}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/hosts" className="text-brand-600 hover:underline dark:text-brand-500">Hosts</Link>
        {" / "}
        <Link href={base} className="text-brand-600 hover:underline dark:text-brand-500">{hostName}</Link>
        {" / Virtual Networks"}
      </nav>
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Virtual Networks on {hostName}</h1>
        <Link href={`${base}/networks/new`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Create network</Link>
      </div>
      <LiveHost hostId={hostName} />
      <HostNetworks host={hostName} initial={initial} />
    </div>
  );
}
