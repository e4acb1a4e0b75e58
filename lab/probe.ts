// probe: plug a throw-away "guest" into a bridge of a lab host, take a DHCP lease there
// and ping from it. The guest is a network namespace with a veth whose other end sits in
// the host's namespace as a port of BRIDGE. Everything is removed afterwards.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { hostNamespaces, run, type ExecResult } from "./exec";
import { labHost, labRoot } from "./hosts";

export interface ProbeOptions {
  /** Default route to add by hand when DHCP gives none (isolated networks). */
  gateway?: string;
  ping?: string[];
  /** How long to wait for the bridge port to forward (STP) and for a lease; default 45 s. */
  timeoutMs?: number;
}

export interface ProbeResult {
  lease: { ip: string; mask: string; router?: string };
  pings: { target: string; ok: boolean }[];
}

const NAME = /^[A-Za-z0-9_.:-]{1,15}$/; // Linux interface names; iproute2 would take "-oops"
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function check(res: ExecResult, what: string): ExecResult {
  if (res.code !== 0) throw new Error(`lab probe: ${what} failed (${res.code}): ${res.stderr.trim()}`);
  return res;
}

export async function probe(host: string, bridge: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  if (!labHost(host).up) throw new Error(`lab probe: ${host} is not an up host`);
  if (!NAME.test(bridge) || bridge.startsWith("-")) throw new Error(`lab probe: invalid bridge name ${JSON.stringify(bridge)}`);
  for (const ip of [opts.gateway, ...(opts.ping ?? [])]) {
    if (ip !== undefined && !IPV4.test(ip)) throw new Error(`lab probe: not an IPv4 address: ${JSON.stringify(ip)}`);
  }
  const timeoutMs = opts.timeoutMs ?? 45_000;
  const hostNs = hostNamespaces(host).netns;
  // Unique per call, so parallel probes never collide; lab:up/down remove leftovers by prefix.
  const id = randomBytes(3).toString("hex");
  const guestNs = `sy-probe-${id}`;
  const hostEnd = `syp${id}`;
  try {
    check(await run(["ip", "netns", "add", guestNs]), "ip netns add");
    check(
      await run(["ip", "link", "add", hostEnd, "netns", hostNs, "type", "veth", "peer", "name", "eth0", "netns", guestNs]),
      "creating the veth",
    );
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

    // dnsmasq checks an address with ping before offering it and answers nothing else
    // meanwhile, so with probes side by side a REQUEST can go unanswered for seconds:
    // give udhcpc room per packet and start it again until the deadline.
    const script = path.join(labRoot(), "lab", "udhcpc-script.sh");
    let m: RegExpExecArray | null = null;
    let transcript = "";
    while (!m) {
      const dhcp = await run(
        ["ip", "netns", "exec", guestNs, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "2", "-s", script],
        { timeoutMs },
      );
      transcript += dhcp.stdout + dhcp.stderr;
      m = dhcp.code === 0 ? /LEASE ip=(\S+) mask=(\S*) router=(\S*)/.exec(dhcp.stdout) : null;
      if (!m && Date.now() > deadline) throw new Error(`lab probe: no DHCP lease on ${host}/${bridge}: ${transcript.trim()}`);
    }
    const lease: ProbeResult["lease"] = { ip: m[1]!, mask: m[2]! };
    if (m[3]) lease.router = m[3].split(/\s+/)[0];

    if (opts.gateway) {
      check(await run(["ip", "-n", guestNs, "route", "replace", "default", "via", opts.gateway, "dev", "eth0"]), "adding --gateway");
    }
    const pings = await Promise.all(
      (opts.ping ?? []).map(async (target) => {
        const res = await run(["ip", "netns", "exec", guestNs, "busybox", "ping", "-c", "1", "-W", "2", target], { timeoutMs: 10_000 });
        return { target, ok: res.code === 0 };
      }),
    );
    return { lease, pings };
  } finally {
    // Deleting the namespace removes both veth ends (and kills nothing: udhcpc -q has exited).
    await run(["ip", "netns", "del", guestNs]);
  }
}
