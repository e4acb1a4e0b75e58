import type { AttachedVm } from "@/lib/domain/host/snapshot-vms";
import { NicAddresses } from "@/components/vm-addresses/nic-addresses";

const cell = "py-2 pr-4 align-top";

/** The guests' interfaces on this network, from their XML, with every address known for them and its source. */
export function NetworkVms({ vms }: { vms: AttachedVm[] }) {
  if (vms.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No VM is attached to this network.</p>;
  return (
    <table aria-label="VMs" className="w-full text-left text-sm">
      <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <tr>{["VM", "State", "MAC", "Model", "Device", "Link", "Addresses"].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
      </thead>
      <tbody>
        {vms.map(({ domain, nic }, i) => (
          <tr key={`${domain.uuid}-${nic.mac ?? i}`} className="border-b border-zinc-100 dark:border-zinc-800">
            <td className={`${cell} font-medium`}>{domain.name}</td>
            <td className={cell}>{domain.state}</td>
            <td className={`${cell} font-mono`}>{nic.mac ?? ""}</td>
            <td className={cell}>{nic.model ?? ""}</td>
            <td className={`${cell} font-mono`}>{nic.target ?? ""}</td>
            <td className={cell}>{nic.linkState}</td>
            <td className={cell}><NicAddresses nic={nic} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
