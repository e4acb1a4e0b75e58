import { connect } from "node:net";
import { labExec, labVirsh } from "@/lab";

// Host-side checks for the port-forwarding tests, all through the lab's own
// namespaces (never the console's SSH): TCP from the root namespace, the
// hook file, iptables as parsed data, a libvirtd restart by hand.

export const HOST = "hv-a";
export const HOOK = "/etc/libvirt/hooks/network";

/** One TCP connection: the first line the other end sends, or why there was none. */
export function tcpAnswer(address: string, port: number, timeoutMs = 4000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: timeoutMs });
    let data = "";
    socket.on("data", (b) => (data += b.toString()));
    socket.on("end", () => resolve(data.trim()));
    socket.on("error", (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
    socket.on("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
  });
}

/** busybox nc inside the host (or a guest's exec): what the listener answered. */
export async function answerFromHost(address: string, port: number): Promise<string> {
  return (await labExec(HOST, ["busybox", "nc", "-w", "4", address, String(port)], { stdin: "" })).stdout.trim();
}

export type Ruleset = Record<string, { policies: Record<string, string>; rules: Record<string, string[]> }>;

/** `iptables-save` as data: per table, each chain's policy and its rules in order (counters and comments dropped). */
export function parseIptablesSave(text: string): Ruleset {
  const out: Ruleset = {};
  let table: Ruleset[string] | null = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("*")) table = out[line.slice(1)] = { policies: {}, rules: {} };
    else if (line.startsWith(":") && table) {
      const [chain, policy] = line.slice(1).split(" ");
      table.policies[chain!] = policy!;
      table.rules[chain!] ??= [];
    } else if (line.startsWith("-A ") && table) {
      const chain = line.split(" ")[1]!;
      (table.rules[chain] ??= []).push(line);
    }
  }
  return out;
}

export async function ruleset(): Promise<{ nft: Ruleset; legacy: Ruleset }> {
  const nft = await labExec(HOST, ["iptables-save"]);
  const legacy = await labExec(HOST, ["iptables-legacy-save"]);
  return { nft: parseIptablesSave(nft.stdout), legacy: parseIptablesSave(legacy.stdout) };
}

export const switchyardChains = (r: Ruleset) =>
  Object.entries(r).flatMap(([table, t]) => Object.keys(t.policies).filter((c) => c.startsWith("SWY-")).map((c) => `${table}/${c}`));

/** libvirtd stopped and started again the way the lab starts it (guests and networks keep running). */
export async function restartLibvirtd() {
  const script = `p=$(cat /run/libvirt/libvirtd.pid); kill -TERM "$p"; for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
libvirtd -d -p /run/libvirt/libvirtd.pid </dev/null >/dev/null 2>&1
for i in $(seq 60); do virsh -c qemu:///system version >/dev/null 2>&1 && exit 0; sleep 0.5; done; exit 1`;
  const r = await labExec(HOST, ["sh", "-c", script], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`libvirtd restart: ${r.stderr}`);
}

/** A NAT network with DHCP on 10.254.<n>.0/24, running. */
export async function natNetwork(name: string, n: number): Promise<{ uuid: string; bridge: string }> {
  await removeNetwork(name);
  const bridge = `sy-pf-b${n}`;
  const xml = `<network><name>${name}</name><forward mode='nat'/><bridge name='${bridge}' stp='on' delay='0'/><ip address='10.254.${n}.1' prefix='24'><dhcp><range start='10.254.${n}.100' end='10.254.${n}.200'/></dhcp></ip></network>`;
  const defined = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml });
  if (defined.code !== 0) throw new Error(`define ${name}: ${defined.stderr}`);
  const started = await labVirsh(HOST, ["net-start", name]);
  if (started.code !== 0) throw new Error(`start ${name}: ${started.stderr}`);
  return { uuid: (await labVirsh(HOST, ["net-uuid", name])).stdout.trim(), bridge };
}

export async function removeNetwork(name: string) {
  await labVirsh(HOST, ["net-destroy", "--", name]);
  await labVirsh(HOST, ["net-undefine", "--", name]);
}

/** The bridge's ports now (the probe guests' veths), to plug back after net-destroy/net-start re-creates the bridge. */
export async function bridgePorts(bridge: string): Promise<string[]> {
  const r = await labExec(HOST, ["ip", "-j", "link", "show", "master", bridge]);
  return (JSON.parse(r.stdout || "[]") as { ifname: string }[]).map((l) => l.ifname).filter((n) => !n.startsWith("vnet"));
}

/** Plugs the ports back into the new bridge and waits until STP lets them forward. */
export async function replug(bridge: string, ports: string[]) {
  for (const port of ports) await labExec(HOST, ["ip", "link", "set", "dev", port, "master", bridge]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await labExec(HOST, ["bridge", "-j", "link", "show"]);
    const states = (JSON.parse(r.stdout || "[]") as { ifname: string; state?: string }[]).filter((l) => ports.includes(l.ifname));
    if (states.length === ports.length && states.every((s) => s.state === "forwarding")) return;
    if (Date.now() > deadline) throw new Error(`bridge ports not forwarding: ${JSON.stringify(states)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
