// listen: a TCP service in a guest on a lab network, answering one line unique to it.
// Reached from the host that owns the network (where a port forward would send it) and,
// on the LAN, straight from the root namespace.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { labExec, labLan, listen } from "@/lab";

function readLine(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    let data = "";
    sock.setTimeout(5_000, () => sock.destroy(new Error("timed out")));
    sock.on("data", (d) => (data += d.toString()));
    sock.on("end", () => resolve(data));
    sock.on("error", reject);
  });
}

describe("listen", () => {
  it("answers on hv-a's default network, to every connection, until removed", async () => {
    const l = await listen("hv-a", "default", 8080);
    try {
      expect(l.ip).toMatch(/^192\.168\.122\.\d+$/);
      expect(l.answer).toMatch(/^switchyard-lab-listener [0-9a-f]{8}$/);
      for (let i = 0; i < 2; i++) {
        const res = await labExec("hv-a", ["busybox", "nc", "-w", "5", l.ip, "8080"]);
        expect(res.stdout.trim()).toBe(l.answer);
      }
    } finally {
      await l.remove();
    }
    const after = await labExec("hv-a", ["busybox", "nc", "-w", "2", l.ip, "8080"]);
    expect(after.stdout).not.toContain(l.answer);
  });

  it("on the LAN, the root namespace connects to it directly", async () => {
    const l = await listen("lan", labLan().bridge, 9090);
    try {
      expect(await readLine(l.ip, 9090)).toBe(`${l.answer}\n`);
    } finally {
      await l.remove();
    }
  });

  it("refuses a network that does not exist and a port out of range", async () => {
    await expect(listen("hv-a", "no-such-net", 80)).rejects.toThrow(/no network "no-such-net" on hv-a/);
    await expect(listen("hv-a", "default", 70000)).rejects.toThrow(/port must be 1–65535/);
  });
});
