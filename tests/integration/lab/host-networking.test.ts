// The NICs and network features each up host offers for the bridged, macvtap and IPv6
// cases, checked inside the host.
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labHost, labVirsh } from "@/lab";

const created: [string, string][] = [];
afterAll(async () => {
  for (const [host, net] of created) {
    await labVirsh(host, ["net-destroy", net]);
    await labVirsh(host, ["net-undefine", net]);
  }
});

async function defineAndStart(host: string, name: string, xml: string) {
  await labVirsh(host, ["net-destroy", name]);
  await labVirsh(host, ["net-undefine", name]);
  created.push([host, name]);
  const def = await labVirsh(host, ["net-define", "/dev/stdin"], { stdin: xml });
  expect(def.code, def.stderr).toBe(0);
  return labVirsh(host, ["net-start", name]);
}

describe.each(["hv-a", "hv-b"])("lab host %s networking", (host) => {
  it("eth0 is the uplink with the default route through the root namespace", async () => {
    const addr = await labExec(host, ["ip", "-4", "-o", "addr", "show", "dev", "eth0"]);
    expect(addr.stdout).toContain(` ${labHost(host).address}/30 `);
    const route = await labExec(host, ["ip", "-4", "route", "show", "default"]);
    expect(route.stdout).toMatch(/^default via 198\.1[89]\.\d+\.\d+ dev eth0/m);
  });

  it("eth1 is a port of br0 and reaches the LAN; eth2 is free", async () => {
    const eth1 = await labExec(host, ["ip", "-o", "link", "show", "dev", "eth1"]);
    expect(eth1.stdout).toMatch(/master br0/);
    // Its veth peer is not in the host: it is a port of the LAN bridge in the root namespace.
    expect(eth1.stdout).toMatch(/eth1@if\d+:.* link-netnsid \d+/);
    expect(execFileSync("ip", ["-o", "link", "show", "dev", `sy-${host}-eth1`], { encoding: "utf8" })).toMatch(/master sy-lan /);
    const eth2 = await labExec(host, ["ip", "-o", "link", "show", "dev", "eth2"]);
    expect(eth2.stdout).not.toMatch(/master/);
    expect(eth2.stdout).toMatch(/state UP/);
  });

  it("macvtap works on eth2", async () => {
    const name = `mvt${Math.random().toString(16).slice(2, 8)}`;
    const add = await labExec(host, ["ip", "link", "add", "link", "eth2", "name", name, "type", "macvtap", "mode", "bridge"]);
    expect(add.code, add.stderr).toBe(0);
    await labExec(host, ["ip", "link", "del", name]);
  });

  it("libvirt starts a bridged network on br0, a macvtap network on eth2 and an IPv6 NAT network", async () => {
    const bridged = await defineAndStart(host, "sy-lab-test-br0",
      "<network><name>sy-lab-test-br0</name><forward mode='bridge'/><bridge name='br0'/></network>");
    expect(bridged.code, bridged.stderr).toBe(0);
    const macvtap = await defineAndStart(host, "sy-lab-test-mvt",
      "<network><name>sy-lab-test-mvt</name><forward mode='bridge'><interface dev='eth2'/></forward></network>");
    expect(macvtap.code, macvtap.stderr).toBe(0);
    const v6 = await defineAndStart(host, "sy-lab-test-v6",
      "<network><name>sy-lab-test-v6</name><forward mode='nat'/><ip family='ipv6' address='fd77:1::1' prefix='64'/></network>");
    expect(v6.code, v6.stderr).toBe(0);
  });

  it("guards the uplink: nothing leaves for addresses outside the lab's /24", async () => {
    const block = labHost(host).address.replace(/\.\d+$/, ".0/24");
    const rules = await labExec(host, ["iptables", "-t", "mangle", "-S", "POSTROUTING"]);
    expect(rules.stdout).toContain(`-A POSTROUTING ! -d ${block} -o eth0 -j DROP`);
  });
});
