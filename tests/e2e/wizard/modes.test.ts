import { afterAll, describe, expect, it } from "vitest";
import { labHost, probe } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { bridgeAddresses, finishAndLand, firewallText, ipToInt, netInfo, readReview, removeNetwork, uplinkRootEnd, walkWizard, type WizardInput } from "./support";

// Each forwarding mode created through the wizard on hv-b, then checked on the
// host itself: virsh state, the bridge's address, a DHCP lease and ping from a
// probe guest, the firewall inside the host's namespace, and isolation.
const HOST = "hv-b";

type Case = WizardInput & { third: number; autostart: boolean };
const CASES: Case[] = [
  { name: "sy-wiz-iso", third: 1, network: "10.250.1.0/24", kind: "isolated", autostart: true },
  { name: "sy-wiz-nat", third: 2, network: "10.250.2.0/24", kind: "forward", mode: "NAT", autostart: false },
  { name: "sy-wiz-route", third: 3, network: "10.250.3.0/24", kind: "forward", mode: "Routed", autostart: true },
  { name: "sy-wiz-open", third: 4, network: "10.250.4.0/24", kind: "forward", mode: "Open", autostart: false },
];

afterAll(async () => {
  for (const c of CASES) await removeNetwork(HOST, c.name);
});

async function create(page: Parameters<typeof walkWizard>[0], c: Case) {
  await removeNetwork(HOST, c.name);
  await ready(page);
  await walkWizard(page, HOST, { ...c, dhcp: true });
  if (c.mode === "Open") expect(await page.getByLabel("Destination", { exact: true }).isDisabled()).toBe(true);
  const review = await readReview(page);
  await finishAndLand(page, HOST, c.name);
  const info = await netInfo(HOST, c.name);
  expect(info.Active).toBe("yes");
  expect(info.Autostart).toBe(c.autostart ? "yes" : "no");
  expect(await bridgeAddresses(HOST, info.Bridge!)).toContain(`10.250.${c.third}.1/24`);
  return { review, bridge: info.Bridge!, uuid: info.UUID! };
}

async function leaseAndPing(bridge: string, third: number, extra: { gateway?: string; ping?: string[] } = {}) {
  const gateway = `10.250.${third}.1`;
  const result = await probe(HOST, bridge, { ...extra, ping: [gateway, ...(extra.ping ?? [])], timeoutMs: 90_000 });
  // virt-manager's default range for a /24: .128 to .254.
  const ip = ipToInt(result.lease.ip);
  expect(ip).toBeGreaterThanOrEqual(ipToInt(`10.250.${third}.128`));
  expect(ip).toBeLessThanOrEqual(ipToInt(`10.250.${third}.254`));
  expect(result.pings[0]).toEqual({ target: gateway, ok: true });
  return result;
}

describe("the wizard creates each mode, and the host agrees", () => {
  const t = usePage();

  it("Isolated: no <forward>, a lease, and no way past the host even with a default route by hand", async () => {
    const c = CASES[0]!;
    const { review, bridge, uuid } = await create(t.page, c);
    expect(review.xml).not.toContain("<forward");
    expect(review.xml).toContain(`<uuid>${uuid}</uuid>`);
    const root = uplinkRootEnd(HOST);
    const r = await leaseAndPing(bridge, c.third, { gateway: `10.250.${c.third}.1`, ping: [root] });
    expect(r.pings[1]).toEqual({ target: root, ok: false });
    expect(await firewallText(HOST)).not.toMatch(/10\.250\.1\.0\/24.*MASQUERADE/);
  });

  it("NAT: the plan's argv carries LC_ALL=C and the UUID; MASQUERADE for the subnet; the probe reaches the uplink's root end", async () => {
    const c = CASES[1]!;
    const { review, bridge, uuid } = await create(t.page, c);
    expect(review.argv[0]!.slice(0, 5)).toEqual(["env", "LC_ALL=C", "virsh", "-c", "qemu:///system"]);
    expect(review.argv.slice(1)).toEqual([["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-start", "--", uuid]]);
    expect(await firewallText(HOST)).toMatch(/-s 10\.250\.2\.0\/24 .*-j MASQUERADE/);
    const root = uplinkRootEnd(HOST);
    const r = await leaseAndPing(bridge, c.third, { ping: [root] });
    expect(r.pings[1]).toEqual({ target: root, ok: true });
  });

  it("Routed: the review gives the upstream router's return route; no MASQUERADE", async () => {
    const c = CASES[2]!;
    await removeNetwork(HOST, c.name);
    await ready(t.page);
    await walkWizard(t.page, HOST, { ...c, dhcp: true });
    await readReview(t.page);
    const hint = await t.page.getByRole("note", { name: "Return route" }).innerText();
    const uplink = labHost(HOST).address;
    expect(hint).toContain(`ip route add 10.250.3.0/24 via ${uplink}`);
    await finishAndLand(t.page, HOST, c.name);
    const info = await netInfo(HOST, c.name);
    expect(info.Active).toBe("yes");
    expect(info.Autostart).toBe("yes");
    expect(await bridgeAddresses(HOST, info.Bridge!)).toContain("10.250.3.1/24");
    await leaseAndPing(info.Bridge!, c.third);
    const fw = await firewallText(HOST);
    expect(fw).toContain("10.250.3.0/24");
    expect(fw).not.toMatch(/10\.250\.3\.0\/24.*MASQUERADE/);
  });

  it("Open: Destination is disabled; libvirt adds no firewall rule for the network at all", async () => {
    const c = CASES[3]!;
    const { bridge } = await create(t.page, c);
    const fw = await firewallText(HOST);
    expect(fw).not.toContain("10.250.4.");
    expect(fw).not.toContain(bridge);
    await leaseAndPing(bridge, c.third);
  });
});
