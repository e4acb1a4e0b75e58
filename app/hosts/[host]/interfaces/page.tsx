import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostInterfaces } from "@/components/interfaces/host-interfaces";
import { OvsSection } from "@/components/interfaces/ovs-section";
import { HostError } from "@/components/networks/host-error";
import { hostVmsHref, routeSegment } from "@/lib/routes";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readInterfacesPage } from "@/lib/libvirt/interfaces/views";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Interfaces · ${routeSegment((await params).host) ?? "Not found"}` };
}

// Read fresh on every request; a finished change refreshes the page.
export const dynamic = "force-dynamic";

export default async function HostInterfacesPage({ params }: Params) {
  const operator = await requirePageRole("viewer");
  const host = routeSegment((await params).host) ?? notFound();
  const read = await readInterfacesPage(host);
  const hostName = read.ok ? read.data.host.name : host;
  return (
    <div className="space-y-6">
      <HostPageHeader
        host={hostName}
        trail={[{ label: "Interfaces" }]}
        title={`Bridges and TAP devices on ${hostName}`}
        actions={<Link href={hostVmsHref(hostName)} className="text-sm text-brand-600 hover:underline dark:text-brand-500">VM network interfaces →</Link>}
      />
      {read.ok ? <><HostInterfaces host={hostName} view={read.data.view} canChange={hasRole(operator.role, "operator")} /><OvsSection host={hostName} view={read.data.ovs} canChange={hasRole(operator.role, "operator")} /></> : <HostError host={host} failure={read} />}
    </div>
  );
}
