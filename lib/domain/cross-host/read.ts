// Readers of what a host shows of its segments: `ip -d -j link show type vxlan`
// and `bridge -j fdb show dev VX` (iproute2's JSON), reduced to the facts the
// plans and the proof compare against the stored segment.
import { z } from "zod";

export type VxlanLink = { ifname: string; vni: number; local?: string; port?: number; learning?: boolean; master?: string; mtu?: number; up: boolean };
export type FloodPeer = { dev: string; dst: string };

const linkJson = z.array(
  z.looseObject({
    ifname: z.string(),
    mtu: z.number().optional(),
    master: z.string().optional(),
    flags: z.array(z.string()).optional(),
    linkinfo: z.looseObject({ info_kind: z.string().optional(), info_data: z.looseObject({ id: z.number().optional(), local: z.string().optional(), port: z.number().optional(), learning: z.boolean().optional() }).optional() }).optional(),
  }),
);

export function parseVxlanLinks(text: string): VxlanLink[] {
  const parsed = linkJson.safeParse(JSON.parse(text.trim() || "[]"));
  if (!parsed.success) return [];
  return parsed.data
    .filter((l) => l.linkinfo?.info_kind === "vxlan" && l.linkinfo.info_data?.id !== undefined)
    .map((l) => {
      const d = l.linkinfo!.info_data!;
      return {
        ifname: l.ifname,
        vni: d.id!,
        ...(d.local ? { local: d.local } : {}),
        ...(d.port !== undefined ? { port: d.port } : {}),
        ...(d.learning !== undefined ? { learning: d.learning } : {}),
        ...(l.master ? { master: l.master } : {}),
        ...(l.mtu !== undefined ? { mtu: l.mtu } : {}),
        up: (l.flags ?? []).includes("UP"),
      };
    });
}

const fdbJson = z.array(z.looseObject({ mac: z.string(), ifname: z.string().optional(), dst: z.string().optional() }));

/** The flooding peers (all-zero MAC entries with a dst) in `bridge -j fdb show`. */
export function parseFloodPeers(text: string): FloodPeer[] {
  const parsed = fdbJson.safeParse(JSON.parse(text.trim() || "[]"));
  if (!parsed.success) return [];
  return parsed.data.filter((e) => e.mac === "00:00:00:00:00:00" && e.dst && e.ifname).map((e) => ({ dev: e.ifname!, dst: e.dst! }));
}
