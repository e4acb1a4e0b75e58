import Link from "next/link";
import type { SnapshotDomain } from "@/lib/domain/host/snapshot";
import { button, cell, head, rowLine } from "@/components/interfaces/styles";
import { vmHref } from "@/lib/routes";
import { NicAddresses } from "@/components/vm-addresses/nic-addresses";

const sourceOf = (n: SnapshotDomain["interfaces"][number]) =>
  n.type === "network" ? `network ${n.network ?? "?"}` : n.type === "bridge" ? `bridge ${n.bridge ?? "?"}` : n.type === "direct" ? `macvtap on ${n.sourceDev ?? "?"}` : n.type;

/** The host's VMs, each with its NICs and the way to add one (`network` preselects a source). */
export function VmList({ host, domains, network }: { host: string; domains: SnapshotDomain[]; network?: string }) {
  if (domains.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No VMs on this host.</p>;
  return (
    <table aria-label="VMs" className="w-full text-left text-sm">
      <thead className={head}>
        <tr>{["VM", "State", "Network interfaces", ""].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
      </thead>
      <tbody>
        {[...domains].sort((a, b) => a.name.localeCompare(b.name)).map((d) => (
          <tr key={d.uuid} data-vm={d.name} className={rowLine}>
            <td className={`${cell} font-medium`}><Link href={vmHref(host, d.name)} className="text-brand-600 hover:underline dark:text-brand-500">{d.name}</Link></td>
            <td className={cell}>{d.state}</td>
            <td className={cell}>
              {d.interfaces.length === 0 ? <span className="text-zinc-500">None</span> : (
                <ul>{d.interfaces.map((n, i) => <li key={n.mac ?? i} data-mac={n.mac}><span className="font-mono">{n.mac ?? "?"}</span> · {sourceOf(n)} · {n.model ?? "default model"}<NicAddresses nic={n} /></li>)}</ul>
              )}
            </td>
            <td className={cell}>
              <Link href={vmHref(host, d.name, { add: true, network })} aria-label={`Add network interface to ${d.name}`} className={button}>Add network interface</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
