import type { Metadata } from "next";
import { HostPageHeader, hostHref } from "@/components/hosts/host-page-header";
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
  return (
    <div className="space-y-6">
      <HostPageHeader
        host={hostName}
        trail={[{ label: "VMs", href: `${hostHref(hostName)}/vms` }, { label: vm }]}
        title={`Network interfaces of ${vm}${read.ok ? ` (${read.data.vm.state})` : ""}`}
      />
      {read.ok ? (
        <VmNics data={read.data} canChange={hasRole(operator.role, "operator")} initialSource={typeof network === "string" ? `network:${network}` : ""} />
      ) : <HostError host={host} failure={read} />}
    </div>
  );
}
