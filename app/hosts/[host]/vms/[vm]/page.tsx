import type { Metadata } from "next";
import Link from "next/link";
import { HostError } from "@/components/networks/host-error";
import { routeSegment } from "@/components/networks/route-segment";
import { VmNics } from "@/components/vm-nics/vm-nics";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readVmPage } from "@/lib/libvirt/interfaces/views";

type Props = { params: Promise<{ host: string; vm: string }>; searchParams: Promise<{ network?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${routeSegment(p.vm)} · ${routeSegment(p.host)}` };
}

export default async function VmPage({ params, searchParams }: Props) {
  const operator = await requirePageRole("viewer");
  const p = await params;
  const host = routeSegment(p.host);
  const vm = routeSegment(p.vm);
  const network = (await searchParams).network;
  const read = await readVmPage(host, vm);
  const hostName = read.ok ? read.data.host.name : host;
  const base = `/hosts/${encodeURIComponent(hostName)}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/hosts" className="text-brand-600 hover:underline dark:text-brand-500">Hosts</Link>
        {" / "}
        <Link href={base} className="text-brand-600 hover:underline dark:text-brand-500">{hostName}</Link>
        {" / "}
        <Link href={`${base}/vms`} className="text-brand-600 hover:underline dark:text-brand-500">VMs</Link>
        {` / ${vm}`}
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Network interfaces of {vm}{read.ok ? ` (${read.data.vm.state})` : ""}</h1>
      {read.ok ? (
        <VmNics data={read.data} canChange={hasRole(operator.role, "operator")} initialSource={typeof network === "string" ? `network:${network}` : ""} />
      ) : <HostError host={host} failure={read} />}
    </div>
  );
}
