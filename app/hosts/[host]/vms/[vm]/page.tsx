import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostError } from "@/components/networks/host-error";
import { hostVmsHref, routeSegment } from "@/lib/routes";
import { VmNics } from "@/components/vm-nics/vm-nics";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readVmPage } from "@/lib/libvirt/interfaces/views";

type Props = { params: Promise<{ host: string; vm: string }>; searchParams: Promise<{ network?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${routeSegment(p.vm) ?? "Not found"} · ${routeSegment(p.host) ?? "Not found"}` };
}

export default async function VmPage({ params, searchParams }: Props) {
  const operator = await requirePageRole("viewer");
  const p = await params;
  const host = routeSegment(p.host) ?? notFound();
  const vm = routeSegment(p.vm) ?? notFound();
  const network = (await searchParams).network;
  const read = await readVmPage(host, vm);
  const hostName = read.ok ? read.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader
        host={hostName}
        trail={[{ label: "VMs", href: hostVmsHref(hostName) }, { label: vm }]}
        title={`Network interfaces of ${vm}${read.ok ? ` (${read.data.vm.state})` : ""}`}
      />
      {read.ok ? (
        <VmNics data={read.data} canChange={hasRole(operator.role, "operator")} initialSource={typeof network === "string" ? `network:${network}` : ""} />
      ) : <HostError host={host} failure={read} />}
    </div>
  );
}
