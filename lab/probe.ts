// A throw-away "guest" on a bridge of a lab host: a network namespace with a
// veth whose other end sits in the host's namespace as a port of BRIDGE. It
// takes a DHCP lease there, optionally with a MAC of the caller's choosing (so
// "the same MAC gets the same IP" can be checked across two guests).
//   plugGuest: keeps the guest until remove(), with exec() inside it (nslookup, ping…).
//   probe:     plug, ping, remove: the one-shot check behind `npm run lab -- probe`.
// Names start with sy-probe-, so lab:up and lab:down sweep leftovers.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { hostNamespaces, run, type ExecResult } from "./exec";
import { labHost, labRoot } from "./hosts";

export interface GuestOptions {
  /** The guest NIC's MAC (lower-case hex, colon separated); random when absent. */
  mac?: string;
  /** How long to wait for the bridge port to forward (STP) and for a lease; default 45 s. */
  timeoutMs?: number;
}

export interface ProbeOptions extends GuestOptions {
  /** Default route to add by hand when DHCP gives none (isolated networks). */
  gateway?: string;
  ping?: string[];
}

export type Lease = { ip: string; mask: string; router?: string };

export interface Guest {
  lease: Lease;
  /** argv inside the guest's namespace. */
  exec(argv: string[], timeoutMs?: number): Promise<ExecResult>;
  /** Deleting the namespace removes both veth ends. */
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

export async function plugGuest(host: string, bridge: string, opts: GuestOptions = {}): Promise<Guest> {
  if (!labHost(host).up) throw new Error(`lab probe: ${host} is not an up host`);
  if (!NAME.test(bridge) || bridge.startsWith("-")) throw new Error(`lab probe: invalid bridge name ${JSON.stringify(bridge)}`);
  if (opts.mac !== undefined && !MAC.test(opts.mac)) throw new Error(`lab probe: not a MAC: ${JSON.stringify(opts.mac)}`);
  const timeoutMs = opts.timeoutMs ?? 45_000;
  const hostNs = hostNamespaces(host).netns;
  // Unique per call, so parallel guests never collide.
  const id = randomBytes(3).toString("hex");
  const guestNs = `sy-probe-${id}`;
  const hostEnd = `syp${id}`;
  const remove = async () => void (await run(["ip", "netns", "del", guestNs]));
  try {
    check(await run(["ip", "netns", "add", guestNs]), "ip netns add");
    check(
      await run(["ip", "link", "add", hostEnd, "netns", hostNs, "type", "veth", "peer", "name", "eth0", "netns", guestNs]),
      "creating the veth",
    );
    if (opts.mac) check(await run(["ip", "-n", guestNs, "link", "set", "eth0", "address", opts.mac]), "setting the MAC");
    check(await run(["ip", "-n", hostNs, "link", "set", hostEnd, "master", bridge]), `plugging into ${bridge}`);
    check(await run(["ip", "-n", hostNs, "link", "set", hostEnd, "up"]), "host end up");
    check(await run(["ip", "-n", guestNs, "link", "set", "lo", "up"]), "lo up");
    check(await run(["ip", "-n", guestNs, "link", "set", "eth0", "up"]), "eth0 up");

    // STP keeps a new port in listening/learning for a while: poll, do not sleep blindly.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await run(["bridge", "-n", hostNs, "link", "show", "dev", hostEnd]);
      if (/state forwarding/.test(state.stdout)) break;
      if (Date.now() > deadline) throw new Error(`lab probe: ${hostEnd} in ${bridge} never reached forwarding: ${state.stdout.trim()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const lease = await takeLease(guestNs, `${host}/${bridge}`, deadline, timeoutMs);
    return { lease, exec: (argv, ms = 20_000) => run(["ip", "netns", "exec", guestNs, ...argv], { timeoutMs: ms }), remove };
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
