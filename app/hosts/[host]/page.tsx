import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditHost } from "@/components/hosts/edit-host";
import { HostPageHeader } from "@/components/hosts/host-page-header";
import { HostStatusPanel } from "@/components/hosts/host-status-panel";
import { RemoveHost } from "@/components/hosts/remove-host";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { findHost } from "@/lib/hosts";
import { hostInterfacesHref, hostNetworksHref, hostTopologyHref, hostVmsHref, routeSegment } from "@/lib/routes";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: routeSegment((await params).host) ?? "Not found" };
}

const panel = "rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-950";
const term = "text-zinc-500 dark:text-zinc-400";

export default async function HostPage({ params }: Params) {
  const operator = await requirePageRole("viewer");
  const host = await findHost(routeSegment((await params).host) ?? notFound());
  if (!host) notFound();
  const canAdmin = hasRole(operator.role, "admin");
  const links = [
    [hostNetworksHref(host.name), "Virtual Networks"],
    [hostTopologyHref(host.name), "Topology"],
    [hostInterfacesHref(host.name), "Interfaces"],
    [hostVmsHref(host.name), "VMs"],
  ] as const;

  return (
    <div className="space-y-6">
      <HostPageHeader host={host.name} title={host.name} />
      <ul aria-label={`${host.name} pages`} className="flex flex-wrap gap-3">
        {links.map(([href, label]) => (
          <li key={href}><Link href={href} className="inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">{label}</Link></li>
        ))}
      </ul>
      <section aria-label="Summary" className={`${panel} grid gap-6 md:grid-cols-2`}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className={term}>Address</dt>
          <dd>{`${host.address}:${host.port}`}</dd>
          <dt className={term}>Username</dt>
          <dd>{host.username}</dd>
          <dt className={term}>Authentication</dt>
          <dd>{host.authKind === "key" ? "SSH key" : "Password"}</dd>
          <dt className={term}>Host key</dt>
          <dd className="break-all font-mono">{host.hostKeyFingerprint ? `${host.hostKeyType ?? ""} ${host.hostKeyFingerprint}` : "not pinned"}</dd>
        </dl>
        <HostStatusPanel hostId={host.id} hostName={host.name} canAdmin={canAdmin} lastSeenAt={host.lastSeenAt} />
      </section>
      {canAdmin ? (
        <section aria-label="Manage host" className="flex flex-wrap items-start gap-3">
          <EditHost host={host} />
          <RemoveHost hostId={host.id} hostName={host.name} />
        </section>
      ) : null}
    </div>
  );
}
