import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostError } from "@/components/networks/host-error";
import { routeSegment } from "@/lib/routes";
import { LiveVmList } from "@/components/vm-addresses/live-vm-list";
import { requirePageRole } from "@/lib/auth/guard";
import { readHostView } from "@/lib/libvirt/host-read";

type Props = { params: Promise<{ host: string }>; searchParams: Promise<{ network?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `VMs · ${routeSegment((await params).host) ?? "Not found"}` };
}

export default async function HostVmsPage({ params, searchParams }: Props) {
  await requirePageRole("viewer");
  const host = routeSegment((await params).host) ?? notFound();
  const network = (await searchParams).network;
  const read = await readHostView(host, "networks");
  const hostName = read.ok ? read.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader host={hostName} trail={[{ label: "VMs" }]} title={`VM network interfaces on ${hostName}`} />
      {typeof network === "string" ? <p className="text-sm">Choose the VM to plug into network <strong>{network}</strong>.</p> : null}
      {read.ok ? <LiveVmList host={hostName} domains={read.data.snapshot.domains} networks={read.data.snapshot.networks.filter((n) => n.active).map((n) => n.uuid)} {...(typeof network === "string" ? { network } : {})} /> : <HostError host={host} failure={read} />}
    </div>
  );
}
