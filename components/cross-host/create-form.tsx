"use client";

import { useState } from "react";
import { planCrossHostCreate } from "@/app/networks/cross-host/actions";
import { FlowError, usePlanFlow } from "@/components/interfaces/use-plan-flow";
import { Checkbox, primaryButton, Select, TextField } from "@/components/ui";
import type { UnderlayCandidate } from "@/lib/domain/cross-host";

/**
 * "Create a cross-host network": the hosts it spans, each with the underlay
 * address it uses (those that share a subnet with the other hosts first), the
 * gateway and the segment's addressing. The server checks each host before it
 * shows the plan; its field errors come back onto these fields.
 */
export function CrossHostCreateForm({ candidates, unreadable, suggestedVni }: { candidates: Record<string, UnderlayCandidate[]>; unreadable: string[]; suggestedVni: number }) {
  const flow = usePlanFlow();
  const hosts = Object.keys(candidates);
  const [name, setName] = useState("");
  const [vni, setVni] = useState(String(suggestedVni));
  const [chosen, setChosen] = useState<string[]>([]);
  const [underlay, setUnderlay] = useState<Record<string, string>>(() => Object.fromEntries(hosts.map((h) => [h, candidates[h]?.[0]?.address ?? ""])));
  const [gateway, setGateway] = useState("");
  const [mode, setMode] = useState<"nat" | "isolated">("nat");
  const [subnet, setSubnet] = useState("10.90.0.0/24");
  const [dhcpStart, setDhcpStart] = useState("10.90.0.100");
  const [dhcpEnd, setDhcpEnd] = useState("10.90.0.200");
  const errors = flow.fieldErrors;
  const hostError = (h: string, field: "host" | "underlay") => {
    const i = chosen.indexOf(h);
    return i >= 0 ? errors[`hosts.${i}.${field}`] : undefined;
  };
  const gatewayValue = chosen.includes(gateway) ? gateway : (chosen[0] ?? "");
  return (
    <>
    <form aria-label="Create a cross-host network" className="max-w-3xl space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      onSubmit={async (e) => {
        e.preventDefault();
        await flow.ask(() => planCrossHostCreate({ name, vni, hosts: chosen.map((h) => ({ host: h, underlay: underlay[h] ?? "" })), gateway: gatewayValue, mode, subnet, dhcpStart, dhcpEnd }));
      }}>
      <h2 className="text-lg font-semibold">Create a cross-host network</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} mono error={errors.name} />
        <TextField label="VNI" value={vni} onChange={(e) => setVni(e.target.value)} inputMode="numeric" mono error={errors.vni}
          hint={<p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">1 to 16777215; suggested: the first one no cross-host network uses.</p>} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Hosts (two or more)</legend>
        {hosts.map((h) => (
          <div key={h} role="group" aria-label={`Host ${h}`} className="flex flex-wrap items-end gap-3">
            <Checkbox label={`Include ${h}`} checked={chosen.includes(h)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, h] : c.filter((x) => x !== h)))} />
            <Select label={`Underlay address of ${h}`} value={underlay[h] ?? ""} onChange={(e) => setUnderlay((u) => ({ ...u, [h]: e.target.value }))} error={hostError(h, "underlay") ?? hostError(h, "host")}>
              {(candidates[h] ?? []).map((c) => <option key={c.address} value={c.address}>{`${c.address} (${c.ifname}${c.mtu ? `, MTU ${c.mtu}` : ""})`}</option>)}
            </Select>
          </div>
        ))}
        {unreadable.length ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Not offered (could not be read now): {unreadable.join(", ")}.</p> : null}
        {errors.hosts ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{errors.hosts}</p> : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Select label="Gateway host (DHCP)" value={gatewayValue} onChange={(e) => setGateway(e.target.value)} error={errors.gateway}>
          {chosen.map((h) => <option key={h} value={h}>{h}</option>)}
        </Select>
        <Select label="Gateway network" value={mode} onChange={(e) => setMode(e.target.value as "nat" | "isolated")} error={errors.mode}>
          <option value="nat">NAT to the gateway host&apos;s outside</option>
          <option value="isolated">Isolated (no route out)</option>
        </Select>
        <TextField label="Subnet" value={subnet} onChange={(e) => setSubnet(e.target.value)} mono error={errors.subnet} />
        <div />
        <TextField label="DHCP start" value={dhcpStart} onChange={(e) => setDhcpStart(e.target.value)} mono error={errors.dhcpStart} />
        <TextField label="DHCP end" value={dhcpEnd} onChange={(e) => setDhcpEnd(e.target.value)} mono error={errors.dhcpEnd} />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The MTU is the smallest underlay MTU minus VXLAN&apos;s 50 bytes. Host changes are runtime (they do not survive a reboot); the libvirt networks persist.
      </p>
      <FlowError flow={flow} />
      <button type="submit" className={primaryButton} disabled={flow.busy}>Plan the network</button>
    </form>
    {flow.dialog}
    </>
  );
}
