import { randomBytes } from "node:crypto";
import path from "node:path";
import { labRoot } from "@/lab";
import { hostNamespaces, run, type ExecResult } from "@/lab/exec";

// A test-only variant of lab/probe.ts: the same throw-away "guest" namespace
// on a bridge of a lab host, but with a MAC chosen by the test (so "the same
// MAC gets the same IP" can be checked across two guests) and kept up until
// the test is done with it (so commands such as nslookup can run inside).
// lab/probe gives every probe a random MAC and removes it at once; this file
// does not change lab/. Names start with sy-probe- so lab:up sweeps leftovers.

export type Guest = { lease: { ip: string; router?: string }; exec: (argv: string[]) => Promise<ExecResult>; remove: () => Promise<void> };

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

async function must(argv: string[], what: string) {
  const r = await run(argv);
  if (r.code !== 0) throw new Error(`guest: ${what} failed: ${r.stderr.trim()}`);
}

export async function startGuest(host: string, bridge: string, mac: string, timeoutMs = 60_000): Promise<Guest> {
  if (!MAC.test(mac)) throw new Error(`guest: not a MAC: ${mac}`);
  const hostNs = hostNamespaces(host).netns;
  const id = randomBytes(3).toString("hex");
  const ns = `sy-probe-${id}`;
  const hostEnd = `syp${id}`;
  const remove = async () => void (await run(["ip", "netns", "del", ns]));
  try {
    await must(["ip", "netns", "add", ns], "netns add");
    await must(["ip", "link", "add", hostEnd, "netns", hostNs, "type", "veth", "peer", "name", "eth0", "netns", ns], "veth");
    await must(["ip", "-n", ns, "link", "set", "eth0", "address", mac], "set MAC");
    await must(["ip", "-n", hostNs, "link", "set", hostEnd, "master", bridge], "plug into bridge");
    await must(["ip", "-n", hostNs, "link", "set", hostEnd, "up"], "host end up");
    await must(["ip", "-n", ns, "link", "set", "lo", "up"], "lo up");
    await must(["ip", "-n", ns, "link", "set", "eth0", "up"], "eth0 up");
    const deadline = Date.now() + timeoutMs;
    // STP: the port forwards only after listening/learning; poll, as lab/probe does.
    while (!/state forwarding/.test((await run(["bridge", "-n", hostNs, "link", "show", "dev", hostEnd])).stdout)) {
      if (Date.now() > deadline) throw new Error(`guest: ${hostEnd} never reached forwarding`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const script = path.join(labRoot(), "lab", "udhcpc-script.sh");
    for (;;) {
      const dhcp = await run(["ip", "netns", "exec", ns, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "2", "-s", script], { timeoutMs });
      const m = dhcp.code === 0 ? /LEASE ip=(\S+) mask=\S* router=(\S*)/.exec(dhcp.stdout) : null;
      if (m) return { lease: { ip: m[1]!, ...(m[2] ? { router: m[2] } : {}) }, exec: (argv) => run(["ip", "netns", "exec", ns, ...argv], { timeoutMs: 20_000 }), remove };
      if (Date.now() > deadline) throw new Error(`guest: no lease on ${bridge}: ${dhcp.stdout}${dhcp.stderr}`);
    }
  } catch (error) {
    await remove();
    throw error;
  }
}
