// What the topology builder reads: the host reader's snapshot as it is
// (lib/domain/host/snapshot.ts), so the pages, the fixtures and the bench all
// draw from one shape and no second reading of iproute2 or libvirt exists.
import type { HostSnapshot } from "../host/snapshot";

export type TopologyFacts = Pick<HostSnapshot, "links" | "bridgePorts" | "routes" | "addresses" | "networks" | "domains" | "ovs">;
