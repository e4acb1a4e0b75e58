import type { TopologyNodeKind } from "./graph";

// IDs are built from what survives a refresh: a network's or VM's uuid, a
// link's name, a VM interface's MAC (vnetN names are reassigned on restart).
// The layout reuses positions by ID, so an unstable ID would make nodes jump.

export function nodeId(host: string, kind: TopologyNodeKind, key: string): string {
  return `${host}:${kind}:${key}`;
}

export function edgeId(source: string, target: string, kind: string): string {
  return `${kind}|${source}|${target}`;
}

export function groupId(host: string): string {
  return `${host}:host`;
}
