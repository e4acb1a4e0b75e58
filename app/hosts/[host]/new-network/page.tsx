import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostError } from "@/components/networks/host-error";
import { hostNetworksHref, routeSegment } from "@/lib/routes";
import { CreateNetworkWizard } from "@/components/wizard/create-network-wizard";
import { requirePageRole } from "@/lib/auth/guard";
import { defaultWizardValues } from "@/lib/domain/network";
import { forwardDestinations } from "@/lib/wizard/host-facts";
import { deviceChoices } from "@/lib/wizard/device-choices";
import { readWizardHost } from "@/lib/changes/prepare-create";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Create network · ${routeSegment((await params).host) ?? "Not found"}` };
}

// The wizard starts from the host as it is now: its defaults (first free name
// and /24) and the facts the browser's inline checks use come from one read.
export default async function NewNetworkPage({ params }: Params) {
  await requirePageRole("operator");
  const hostParam = routeSegment((await params).host) ?? notFound();
  const read = await readWizardHost(hostParam);
  const hostName = read.ok ? read.data.host.name : hostParam;
  return (
    <div className="space-y-6">
      <HostPageHeader host={hostName} trail={[{ label: "Virtual Networks", href: hostNetworksHref(hostName) }, { label: "Create network" }]} title={`Create a new virtual network on ${hostName}`} />
      {read.ok ? (
        <CreateNetworkWizard
          host={hostName}
          facts={read.data.facts}
          defaults={defaultWizardValues(read.data.facts)}
          destinations={forwardDestinations(read.data.snapshot)}
          devices={deviceChoices(read.data.snapshot, read.data.facts)}
        />
      ) : (
        <HostError host={hostName} failure={read} />
      )}
    </div>
  );
}
