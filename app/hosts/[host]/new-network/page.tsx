import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostError } from "@/components/networks/host-error";
import { hostNetworksHref, routeSegment } from "@/lib/routes";
import { CreateNetworkWizard } from "@/components/wizard/create-network-wizard";
import { requirePageRole } from "@/lib/auth/guard";
import { defaultWizardValues, preselectHostBridge } from "@/lib/domain/network";
import { forwardDestinations } from "@/lib/wizard/host-facts";
import { deviceChoices } from "@/lib/wizard/device-choices";
import { readWizardHost } from "@/lib/changes/prepare-create";

type Params = { params: Promise<{ host: string }> };
type Search = { searchParams: Promise<{ mode?: string | string[]; bridge?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Create network · ${routeSegment((await params).host) ?? "Not found"}` };
}

// The wizard starts from the host as it is now: its defaults (first free name
// and /24) and the facts the browser's inline checks use come from one read.
export default async function NewNetworkPage({ params, searchParams }: Params & Search) {
  await requirePageRole("operator");
  const hostParam = routeSegment((await params).host) ?? notFound();
  const read = await readWizardHost(hostParam);
  const hostName = read.ok ? read.data.host.name : hostParam;
  const query = await searchParams;
  const devices = read.ok ? deviceChoices(read.data.snapshot, read.data.facts) : undefined;
  return (
    <div className="space-y-6">
      <HostPageHeader host={hostName} trail={[{ label: "Virtual Networks", href: hostNetworksHref(hostName) }, { label: "Create network" }]} title={`Create a new virtual network on ${hostName}`} />
      {read.ok ? (
        <CreateNetworkWizard
          host={hostName}
          facts={read.data.facts}
          defaults={preselectHostBridge(defaultWizardValues(read.data.facts), devices!.bridges, query)}
          destinations={forwardDestinations(read.data.snapshot)}
          devices={devices!}
        />
      ) : (
        <HostError host={hostName} failure={read} />
      )}
    </div>
  );
}
