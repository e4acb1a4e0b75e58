"use client";

import { useState } from "react";
import type { SnapshotDomain } from "@/lib/domain/host/snapshot";
import { refreshDomains } from "@/lib/domain/host/snapshot-addresses";
import { VmList } from "@/components/vm-nics/vm-list";
import { useAddressRefresh } from "./use-address-refresh";

/** The VM list, its addresses kept fresh while it is on screen. */
export function LiveVmList({ host, domains: initial, networks, network }: { host: string; domains: SnapshotDomain[]; networks: string[]; network?: string }) {
  const [domains, setDomains] = useState(initial);
  const running = initial.filter((d) => d.state === "running" || d.state === "paused").map((d) => d.uuid).sort();
  useAddressRefresh(host, { networks, domains: running }, (refresh) => setDomains(refreshDomains(initial, refresh)));
  return <VmList host={host} domains={domains} {...(network === undefined ? {} : { network })} />;
}
