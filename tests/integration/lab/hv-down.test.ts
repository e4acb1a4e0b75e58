// hv-down is registered and routed but silent: a client gets neither an answer nor a
// refusal, only its own timeout.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { labHost, labExec } from "@/lab";
import { runCmd } from "./ssh-clients";

describe("hv-down", () => {
  it("a TCP connect gets no answer (no SYN-ACK, no RST) before the client's timeout", async () => {
    const host = labHost("hv-down");
    expect(host.up).toBe(false);
    const started = Date.now();
    const outcome = await new Promise<string>((resolve) => {
      const sock = net.connect({ host: host.address, port: host.port });
      sock.setTimeout(3_000, () => {
        sock.destroy();
        resolve("timeout");
      });
      sock.on("connect", () => {
        sock.destroy();
        resolve("connected");
      });
      sock.on("error", (err) => resolve(`error: ${err.message}`));
    });
    expect(outcome).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
  });

  it("OpenSSH gives up with its own ConnectTimeout", async () => {
    const host = labHost("hv-down");
    const started = Date.now();
    const res = await runCmd("ssh", ["-o", "ConnectTimeout=2", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
      "-o", "UserKnownHostsFile=/dev/null", `root@${host.address}`, "true"]);
    expect(res.code).toBe(255);
    expect(res.stderr).toMatch(/timed out/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("the address really is in its namespace, dropped by its INPUT policy", async () => {
    const addr = await labExec("hv-down", ["ip", "-4", "-o", "addr", "show", "dev", "eth0"]);
    expect(addr.stdout).toContain(` ${labHost("hv-down").address}/30 `);
    const rules = await labExec("hv-down", ["iptables", "-S", "INPUT"]);
    expect(rules.stdout).toMatch(/^-P INPUT DROP$/m);
  });
});
