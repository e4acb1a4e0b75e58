// A throw-away "guest": a network namespace with a veth whose other end is a port of a
// bridge, either in a lab host (a Linux bridge such as br0 or virbr0, or the host's Open
// vSwitch bridge, optionally on a VLAN) or in the root namespace on the site LAN itself.
// It takes a DHCP lease there (optionally with a MAC of the caller's choosing, so "the same
// MAC gets the same IP" can be checked across two guests), or a static address.
//   plugGuest: keeps the guest until remove(), with exec() inside it (nslookup, ping…).
//   probe:     plug, ping, remove: the one-shot check behind `npm run lab -- probe`.
// HOST "lan" means the LAN bridge in the root namespace. Names start with sy-probe-, so
// lab:up and lab:down sweep leftovers.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { hostNamespaces, labExec, labVirsh, run, type ExecResult } from "./exec";
import { labHost, labLan, labRoot } from "./hosts";
import { parseCidr, portgroupVlan, type OvsVlan } from "./vlan";

/** plugGuest/probe on this "host" plug into the LAN bridge in the root namespace. */
export const LAN = "lan";

export interface GuestOptions {
  /** The guest NIC's MAC (lower-case hex, colon separated); random when absent. */
  mac?: string;
  /** How long to wait for the bridge port to forward (STP) and for a lease; default 45 s. */
  timeoutMs?: number;
  /** Open vSwitch bridges only: the port's VLAN, a tag (1–4094) or the name of a portgroup
   *  of a libvirt network on that bridge (its <vlan> decides tag or trunk). */
  vlanPort?: string | number;
  /** An address (CIDR, e.g. 198.18.0.170/25) instead of DHCP, for segments without a DHCP server. */
  static?: string;
}

export interface ProbeOptions extends GuestOptions {
  /** Default route to add by hand when DHCP gives none (isolated networks). */
  gateway?: string;
  ping?: string[];
}

export type Lease = { ip: string; mask: string; router?: string };

export interface Guest {
  lease: Lease;
  /** Interface name of the guest's port on the bridge (in the host, or the root namespace for the LAN). */
  port: string;
  /** The guest's namespace (sy-probe-…). */
  netns: string;
  /** The VLAN its OVS port is on, when it is on one. */
  vlan?: OvsVlan;
  /** argv inside the guest's namespace. */
  exec(argv: string[], timeoutMs?: number): Promise<ExecResult>;
  /** Unplugs the port (OVS keeps its record otherwise) and deletes the namespace, which removes both veth ends. */
  remove(): Promise<void>;
}

export interface ProbeResult {
  lease: Lease;
  pings: { target: string; ok: boolean }[];
}

const NAME = /^[A-Za-z0-9_.:-]{1,15}$/; // Linux interface names; iproute2 would take "-oops"
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

function check(res: ExecResult, what: string): ExecResult {
  if (res.code !== 0) throw new Error(`lab probe: ${what} failed (${res.code}): ${res.stderr.trim()}`);
  return res;
}

/** Where a guest plugs in: a bridge in a host's namespace, or the LAN bridge in the root one. */
interface Socket {
  where: string;
  /** The host, or null for the root namespace. */
  host: string | null;
  bridge: string;
  ovs: boolean;
}

async function isOvsBridge(host: string, bridge: string): Promise<boolean> {
  if (!labHost(host).lan?.ovsBridge) return false;
  const res = await labExec(host, ["ovs-vsctl", "--timeout=10", "br-exists", bridge]);
  if (res.code === 0) return true;
  if (res.code === 2) return false; // ovs-vsctl's "no such bridge"
  throw new Error(`lab probe: ovs-vsctl on ${host} failed (${res.code}): ${res.stderr.trim()}`);
}

async function socketFor(host: string, bridge: string, opts: GuestOptions): Promise<Socket> {
  if (host === LAN) {
    if (opts.vlanPort !== undefined) throw new Error("lab probe: --vlan-port needs an Open vSwitch bridge; the LAN is a Linux bridge");
    return { where: "the LAN", host: null, bridge: labLan().bridge, ovs: false };
  }
  if (!labHost(host).up) throw new Error(`lab probe: ${host} is not an up host`);
  if (!NAME.test(bridge) || bridge.startsWith("-")) throw new Error(`lab probe: invalid bridge name ${JSON.stringify(bridge)}`);
  const ovs = await isOvsBridge(host, bridge);
  if (opts.vlanPort !== undefined && !ovs) throw new Error(`lab probe: --vlan-port needs an Open vSwitch bridge; ${bridge} on ${host} is not one`);
  return { where: `${host}/${bridge}`, host, bridge, ovs };
}

async function resolveVlan(socket: Socket, vlanPort: string | number): Promise<OvsVlan> {
  if (typeof vlanPort === "number" || /^\d+$/.test(vlanPort)) {
    const tag = Number(vlanPort);
    if (!Number.isInteger(tag) || tag < 1 || tag > 4094) throw new Error(`lab probe: VLAN tag must be 1–4094, not ${vlanPort}`);
    return { tag };
  }
  return portgroupVlan(socket.host!, socket.bridge, vlanPort);
}

/** The ovs-vsctl words that put a port on VLAN. */
function vlanColumns(vlan: OvsVlan | undefined): string[] {
  if (!vlan) return [];
  const cols: string[] = [];
  if (vlan.tag !== undefined) cols.push(`tag=${vlan.tag}`);
  if (vlan.trunks?.length) cols.push(`trunks=${vlan.trunks.join(",")}`);
  if (vlan.mode) cols.push(`vlan_mode=${vlan.mode}`);
  return cols;
}

export async function plugGuest(host: string, bridge: string, opts: GuestOptions = {}): Promise<Guest> {
  if (opts.mac !== undefined && !MAC.test(opts.mac)) throw new Error(`lab probe: not a MAC: ${JSON.stringify(opts.mac)}`);
  const address = opts.static === undefined ? undefined : parseCidr(opts.static);
  const socket = await socketFor(host, bridge, opts);
  const vlan = opts.vlanPort === undefined ? undefined : await resolveVlan(socket, opts.vlanPort);
  const timeoutMs = opts.timeoutMs ?? 45_000;
  // Unique per call, so parallel guests never collide.
  const id = randomBytes(3).toString("hex");
  const guestNs = `sy-probe-${id}`;
  const port = `syp${id}`;
  const inHost = socket.host === null ? [] : ["-n", hostNamespaces(socket.host).netns];
  let plugged = false;
  const remove = async () => {
    if (plugged && socket.ovs) await labExec(socket.host!, ["ovs-vsctl", "--timeout=10", "--if-exists", "del-port", socket.bridge, port]);
    await run(["ip", "netns", "del", guestNs]);
  };
  try {
    check(await run(["ip", "netns", "add", guestNs]), "ip netns add");
    const hostSide = socket.host === null ? [] : ["netns", hostNamespaces(socket.host).netns];
    check(await run(["ip", "link", "add", port, ...hostSide, "type", "veth", "peer", "name", "eth0", "netns", guestNs]), "creating the veth");
    if (opts.mac) check(await run(["ip", "-n", guestNs, "link", "set", "eth0", "address", opts.mac]), "setting the MAC");
    if (socket.ovs) {
      check(
        await labExec(socket.host!, ["ovs-vsctl", "--timeout=20", "add-port", socket.bridge, port, ...vlanColumns(vlan)]),
        `adding ${port} to ${socket.bridge}`,
      );
    } else {
      check(await run(["ip", ...inHost, "link", "set", port, "master", socket.bridge]), `plugging into ${socket.bridge}`);
    }
    plugged = true;
    check(await run(["ip", ...inHost, "link", "set", port, "up"]), "host end up");
    check(await run(["ip", "-n", guestNs, "link", "set", "lo", "up"]), "lo up");
    check(await run(["ip", "-n", guestNs, "link", "set", "eth0", "up"]), "eth0 up");

    const deadline = Date.now() + timeoutMs;
    // STP keeps a new Linux bridge port in listening/learning for a while: poll, do not
    // sleep blindly. (OVS bridges run no STP here.)
    while (!socket.ovs) {
      const state = await run(["bridge", ...inHost, "link", "show", "dev", port]);
      if (/state forwarding/.test(state.stdout)) break;
      if (Date.now() > deadline) throw new Error(`lab probe: ${port} in ${socket.bridge} never reached forwarding: ${state.stdout.trim()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    let lease: Lease;
    if (address) {
      check(await run(["ip", "-n", guestNs, "addr", "add", `${address.ip}/${address.prefix}`, "dev", "eth0"]), "adding --static");
      lease = { ip: address.ip, mask: String(address.prefix) };
    } else {
      lease = await takeLease(guestNs, socket.where, deadline, timeoutMs);
    }
    return {
      lease,
      port,
      netns: guestNs,
      ...(vlan ? { vlan } : {}),
      exec: (argv, ms = 20_000) => run(["ip", "netns", "exec", guestNs, ...argv], { timeoutMs: ms }),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

// dnsmasq checks an address with ping before offering it and answers nothing else
// meanwhile, so with probes side by side a REQUEST can go unanswered for seconds:
// give udhcpc room per packet and start it again until the deadline.
async function takeLease(guestNs: string, where: string, deadline: number, timeoutMs: number): Promise<Lease> {
  const script = path.join(labRoot(), "lab", "udhcpc-script.sh");
  let transcript = "";
  for (;;) {
    const dhcp = await run(
      ["ip", "netns", "exec", guestNs, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "2", "-s", script],
      { timeoutMs },
    );
    transcript += dhcp.stdout + dhcp.stderr;
    const m = dhcp.code === 0 ? /LEASE ip=(\S+) mask=(\S*) router=(\S*)/.exec(dhcp.stdout) : null;
    if (m) return { ip: m[1]!, mask: m[2]!, ...(m[3] ? { router: m[3].split(/\s+/)[0]! } : {}) };
    if (Date.now() > deadline) throw new Error(`lab probe: no DHCP lease on ${where}: ${transcript.trim()}`);
  }
}

export async function probe(host: string, bridge: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  for (const ip of [opts.gateway, ...(opts.ping ?? [])]) {
    if (ip !== undefined && !IPV4.test(ip)) throw new Error(`lab probe: not an IPv4 address: ${JSON.stringify(ip)}`);
  }
  const guest = await plugGuest(host, bridge, opts);
  try {
    if (opts.gateway) check(await guest.exec(["ip", "route", "replace", "default", "via", opts.gateway, "dev", "eth0"]), "adding --gateway");
    const pings = await Promise.all(
      (opts.ping ?? []).map(async (target) => ({ target, ok: (await guest.exec(["busybox", "ping", "-c", "1", "-W", "2", target], 10_000)).code === 0 })),
    );
    return { lease: guest.lease, pings };
  } finally {
    await guest.remove();
  }
}

/** The bridge a libvirt network on HOST uses (`virsh net-info`), for helpers that take a network name. */
export async function networkBridge(host: string, network: string): Promise<string> {
  if (host === LAN) return labLan().bridge;
  const info = await labVirsh(host, ["net-info", network]);
  if (info.code !== 0) throw new Error(`lab: no network ${JSON.stringify(network)} on ${host}: ${info.stderr.trim()}`);
  const m = /^Bridge:\s+(\S+)$/m.exec(info.stdout);
  if (!m) throw new Error(`lab: network ${network} on ${host} has no bridge (is it active?)`);
  return m[1]!;
}
