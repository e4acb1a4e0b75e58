"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { hostInput, uuidInput } from "@/lib/domain/inputs";
import { withHost } from "@/lib/libvirt/host-read";
import { readAddressRefresh } from "@/lib/libvirt/address-refresh";

// Leases and addresses, polled while a DHCP tab, VMs tab or VM list is on
// screen: the UUIDs come from the page's own host read, checked as UUIDs.

const uuids = (what: string) => z.array(uuidInput(what)).max(500);

export const readAddresses = defineAction("viewer", z.object({ host: hostInput, networks: uuids("network"), domains: uuids("guest") }), ({ host, networks, domains }) =>
  withHost(host, (_, target) => readAddressRefresh(target, networks, domains)),
);
