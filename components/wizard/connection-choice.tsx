"use client";

import { useFormContext } from "react-hook-form";
import type { WizardValues } from "@/lib/domain/network";
import type { WizardDeviceChoices } from "@/lib/wizard/device-choices";
import { Radio } from "@/components/ui";

// Asked on the first page, because it decides the pages that follow: a
// virtual network goes on to virt-manager's IPv4, IPv6 and connection pages
// (where "Isolated" or "Forwarding" is chosen); a device network has no
// addresses of its own, so it goes straight to its devices.

const OPTIONS = [
  { value: "virtual", label: "Virtual network", hint: "its own subnet, DHCP and DNS; isolated or forwarding (NAT, routed, open)" },
  { value: "bridge", label: "Bridge to a host bridge", hint: "guests join a Linux or Open vSwitch bridge on the LAN" },
  { value: "macvtap", label: "Macvtap on host interfaces", hint: "guests get macvtap devices on free NICs" },
  { value: "hostdev", label: "SR-IOV pool", hint: "pool containing all of VFs of a SR-IOV device" },
] as const;

export function ConnectionChoice({ devices }: { devices: WizardDeviceChoices }) {
  const { register } = useFormContext<WizardValues>();
  return (
    <div role="radiogroup" aria-label="Network type" className="space-y-2">
      <p className="text-sm font-medium">Network type</p>
      {OPTIONS.map((o) => {
        const disabled = o.value === "hostdev" && devices.sriovDisabled !== null;
        return (
          <div key={o.value}>
            <Radio value={o.value} disabled={disabled} {...register("connection")}
              label={<>{o.label} <span className="font-normal text-zinc-600 dark:text-zinc-400">({o.hint})</span></>} />
            {disabled ? <p data-testid="sriov-disabled" className="ml-6 text-xs text-zinc-600 dark:text-zinc-400">{devices.sriovDisabled}</p> : null}
          </div>
        );
      })}
    </div>
  );
}
