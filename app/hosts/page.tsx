import type { Metadata } from "next";
import { HostFormPanel } from "@/components/hosts/host-form";
import { HostList } from "@/components/hosts/host-list";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { listHosts } from "@/lib/hosts";

export const metadata: Metadata = { title: "Hosts" };

const panel = "rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-950";

export default async function HostsPage() {
  const operator = await requirePageRole("viewer");
  const canAdmin = hasRole(operator.role, "admin");
  const hosts = await listHosts();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Hosts</h1>
      <section aria-label="Host list" className={panel}>
        <HostList hosts={hosts} canAdmin={canAdmin} />
      </section>
      {canAdmin ? (
        <section aria-labelledby="add-host-heading" className={panel}>
          <h2 id="add-host-heading" className="mb-1 font-medium">Add a host</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Switchyard first shows you the host&apos;s SSH key to confirm; your credentials are sent only after you trust it.
          </p>
          <HostFormPanel />
        </section>
      ) : null}
    </div>
  );
}
