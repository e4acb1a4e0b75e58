// probe plugs a throw-away guest into hv-a's default network: it must get a real DHCP
// lease from that host's dnsmasq and reach the gateway and the root end of the uplink.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { labHost, labVirsh, probe } from "@/lab";

function inSubnet(ip: string, prefix: string): boolean {
  return ip.startsWith(prefix);
}

/** The root namespace's end of a host's uplink: the other address of its /30. */
function rootEnd(address: string): string {
  const parts = address.split(".").map(Number);
  parts[3] = parts[3]! - 1;
  return parts.join(".");
}

function probeNamespaces(): string[] {
  return execFileSync("ip", ["netns", "list"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.split(" ")[0]!)
    .filter((n) => n.startsWith("sy-probe-"));
}

describe("probe", () => {
  it("gets a lease in 192.168.122.0/24 on hv-a's default and pings the gateway and the uplink's root end", async () => {
    const before = probeNamespaces();
    const uplinkRoot = rootEnd(labHost("hv-a").address);
    const result = await probe("hv-a", "virbr0", { ping: ["192.168.122.1", uplinkRoot] });

    expect(inSubnet(result.lease.ip, "192.168.122.")).toBe(true);
    expect(result.lease.ip).not.toBe("192.168.122.1");
    expect(result.lease.mask).toBe("24");
    expect(result.lease.router).toBe("192.168.122.1");
    expect(result.pings).toEqual([
      { target: "192.168.122.1", ok: true },
      { target: uplinkRoot, ok: true },
    ]);
    // It cleans up after itself.
    expect(probeNamespaces()).toEqual(before);
  });

  it("reports a failed ping as not ok (hv-down, which drops everything)", async () => {
    const silent = labHost("hv-down").address;
    const result = await probe("hv-a", "virbr0", { ping: [silent] });
    expect(result.pings).toEqual([{ target: silent, ok: false }]);
  });

  it("two probes at once get two different leases", async () => {
    const [a, b] = await Promise.all([probe("hv-a", "virbr0"), probe("hv-a", "virbr0")]);
    expect(a.lease.ip).not.toBe(b.lease.ip);
  });

  it("--gateway gives a guest on an isolated network (no DHCP router) a default route", async () => {
    const net = "sy-lab-probe-iso";
    const xml = `<network><name>${net}</name><bridge name='sylabiso0'/><ip address='10.81.0.1' netmask='255.255.255.0'><dhcp><range start='10.81.0.100' end='10.81.0.120'/></dhcp></ip></network>`;
    await labVirsh("hv-a", ["net-destroy", net]);
    await labVirsh("hv-a", ["net-undefine", net]);
    expect((await labVirsh("hv-a", ["net-define", "/dev/stdin"], { stdin: xml })).code).toBe(0);
    try {
      expect((await labVirsh("hv-a", ["net-start", net])).code).toBe(0);
      const result = await probe("hv-a", "sylabiso0", { gateway: "10.81.0.1", ping: ["10.81.0.1"] });
      expect(result.lease.ip).toMatch(/^10\.81\.0\.(1[01]\d|120)$/);
      expect(result.lease.router).toBeUndefined();
      expect(result.pings).toEqual([{ target: "10.81.0.1", ok: true }]);
    } finally {
      await labVirsh("hv-a", ["net-destroy", net]);
      await labVirsh("hv-a", ["net-undefine", net]);
    }
  });

  it("refuses a bridge name iproute2 would read as an option", async () => {
    await expect(probe("hv-a", "-oops")).rejects.toThrow(/invalid bridge name/);
  });
});
