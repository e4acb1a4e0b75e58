// A TCP service inside a lab network, for port-forwarding tests: a probe guest on the
// network (lease from its DHCP, or --static) running busybox nc as a persistent server that
// answers every connection with one line unique to this listener, so a test that reads that
// line knows it reached THIS guest and no other.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { run } from "./exec";
import { networkBridge, plugGuest, type Lease } from "./probe";

export interface ListenOptions {
  /** A static address (CIDR) for networks without DHCP. */
  static?: string;
  timeoutMs?: number;
}

export interface Listener {
  /** The guest's address on the network. */
  ip: string;
  port: number;
  /** The line (without newline) every connection receives. */
  answer: string;
  lease: Lease;
  /** Stops the server and removes the guest. */
  remove(): Promise<void>;
}

/** A TCP listener in a guest on HOST's libvirt network NET (or the LAN: HOST "lan"). */
export async function listen(host: string, network: string, port: number, opts: ListenOptions = {}): Promise<Listener> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`lab listen: port must be 1–65535, not ${port}`);
  const bridge = await networkBridge(host, network);
  const guest = await plugGuest(host, bridge, { static: opts.static, timeoutMs: opts.timeoutMs });
  const answer = `switchyard-lab-listener ${randomBytes(4).toString("hex")}`;
  // -ll: keep listening after each connection; -e: what answers it (argv, no shell).
  const server = spawn("ip", ["netns", "exec", guest.netns, "busybox", "nc", "-ll", "-p", String(port), "-e", "echo", answer], {
    detached: true,
    stdio: "ignore",
  });
  server.unref();
  const remove = async () => {
    if (server.pid) {
      try {
        // Its own process group (detached): the server and any connection it is serving.
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await guest.remove();
  };
  try {
    // Listening once ss in the guest shows the port.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const ss = await run(["ip", "netns", "exec", guest.netns, "ss", "-Htln", `sport = :${port}`]);
      if (ss.stdout.trim()) break;
      if (server.exitCode !== null) throw new Error(`lab listen: busybox nc exited (${server.exitCode})`);
      if (Date.now() > deadline) throw new Error(`lab listen: nothing listens on port ${port} in ${guest.netns}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ip: guest.lease.ip, port, answer, lease: guest.lease, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
