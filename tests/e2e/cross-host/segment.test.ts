import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { fault, labExec, plugGuest, type Guest } from "@/lab";
import { usePage } from "../support/browser";
import { edgeEl } from "../topology/support";
import { hostile } from "../security/hostile-inputs";
import { useSeededServer } from "../support/seeded-server";
import { applyAndWait, bringUpThreeHosts, closeDialog, floodPeers, lanAddress, linkExists, networkNames, planArgv, scrub, vxlanLinks } from "./support";

// A VXLAN segment across hv-a (gateway, NAT + DHCP) and hv-b, made from the
// cross-host page and proven on the hosts: leases across hosts, pings, the
// peers in `bridge fdb`, the MTU with don't-fragment (iputils' ping), a third
// host joining without disturbing the first two, a failure on the second host
// rolled back on the first, and delete. Its own server, seeded with every lab
// host as root (host bridges and VXLAN need root; the suite's server has hv-b
// as the libvirt-group operator).
const NET = "sy-xh-seg";
const VNI = 471_100;
const BR = `sybr${VNI}`;
const VX = `syvx${VNI}`;
const OOB = "sy-xh-oob"; // an out-of-band VXLAN device holding the VNI on hv-b
const HOSTS = ["hv-a", "hv-b", "hv-c"];
const SUBNET = "10.233.0";
const guests: Guest[] = [];

let restoreLab = () => {};
beforeAll(() => {
  restoreLab = bringUpThreeHosts();
}, 300_000);

const cleanUp = async () => {
  await fault("hv-b", "cut-uplink", 0).catch(() => {});
  for (const g of guests.splice(0)) await g.remove().catch(() => {});
  await scrub(HOSTS, NET, [VX, BR, OOB]);
};
beforeAll(cleanUp);
afterAll(async () => {
  await cleanUp();
  restoreLab();
}, 300_000);

async function open(page: Page, seeded: ReturnType<typeof useSeededServer>) {
  await seeded.signIn(page);
  await page.goto(`${seeded.server.baseURL}/networks/cross-host`);
  return page.getByRole("form", { name: "Create a cross-host network" });
}

async function planSegment(page: Page, seeded: ReturnType<typeof useSeededServer>) {
  const form = await open(page, seeded);
  await form.getByLabel("Name", { exact: true }).fill(NET);
  await form.getByLabel("VNI", { exact: true }).fill(String(VNI));
  for (const host of ["hv-a", "hv-b"]) {
    await form.getByLabel(`Include ${host}`).check();
    await form.getByLabel(`Underlay address of ${host}`).selectOption(lanAddress(host));
  }
  await form.getByLabel("Gateway host (DHCP)").selectOption("hv-a");
  await form.getByLabel("Subnet", { exact: true }).fill(`${SUBNET}.0/24`);
  await form.getByLabel("DHCP start", { exact: true }).fill(`${SUBNET}.100`);
  await form.getByLabel("DHCP end", { exact: true }).fill(`${SUBNET}.199`);
  await form.getByRole("button", { name: "Plan the network" }).click();
  return form;
}

const ping = (g: Guest, target: string, size?: number) =>
  g.exec(["ping", "-c", "1", "-W", "2", ...(size === undefined ? [] : ["-M", "do", "-s", String(size)]), target], 15_000);

describe("a cross-host network (VXLAN)", () => {
  const seeded = useSeededServer("cross-host");
  const t = usePage();
  it("puts hostile or impossible input on the field that caused it, and plans nothing", async () => {
    const page = t.page;
    const form = await open(page, seeded);
    const name = "x'/><forward dev='eth0";
    const vni = "16777216";
    const subnet = "10.90.0.1/24";
    hostile("forms", "cross-host network name with XML markup", name);
    hostile("forms", "cross-host VNI past 24 bits", vni);
    hostile("forms", "cross-host subnet with host bits set", subnet);
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("VNI", { exact: true }).fill(vni);
    await form.getByLabel("Include hv-a").check();
    await form.getByLabel("Subnet", { exact: true }).fill(subnet);
    await form.getByRole("button", { name: "Plan the network" }).click();
    await expect.poll(() => form.getByLabel("Name", { exact: true }).getAttribute("aria-invalid"), { timeout: 30_000 }).toBe("true");
    expect(await form.getByLabel("VNI", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Subnet", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await form.innerText()).toContain("Choose at least two hosts.");
    expect(await form.innerText()).toContain("did you mean 10.90.0.0/24");
    expect(await page.getByRole("dialog").count()).toBe(0);
  });

  it("refuses a VNI another VXLAN device holds on hv-b only when applying, and rolls hv-a back: nothing is left on either host", async () => {
    const page = t.page;
    await planSegment(page, seeded);
    await page.getByRole("dialog").waitFor();
    // Taken on hv-b after the plan was made: the kernel refuses a second device with VNI 471100 on port 4789.
    const oob = await labExec("hv-b", ["ip", "link", "add", OOB, "type", "vxlan", "id", String(VNI), "dstport", "4789", "local", lanAddress("hv-b"), "nolearning"]);
    expect(oob.code, oob.stderr).toBe(0);
    const outcome = await applyAndWait(page);
    expect(outcome.applied).toBe(false);
    expect(outcome.text).toContain("what it had done was undone");
    console.log(`cross-host rollback: failure on hv-b and undo on both hosts took ${outcome.seconds.toFixed(2)} s in all`);
    for (const host of ["hv-a", "hv-b"]) {
      expect(await linkExists(host, VX)).toBe(false);
      expect(await linkExists(host, BR)).toBe(false);
      expect(await networkNames(host)).not.toContain(NET);
    }
    expect((await vxlanLinks("hv-b")).map((l) => l.ifname)).toEqual([OOB]);
    await closeDialog(page);
    await labExec("hv-b", ["ip", "link", "del", OOB]);
    // The store records nothing for a change that did not happen.
    expect(await page.locator(`article[data-segment="${NET}"]`).count()).toBe(0);
  });

  it("spans hv-a (gateway, DHCP) and hv-b: one plan, the peers in bridge fdb, leases and pings across hosts, and the MTU with don't-fragment", async () => {
    const page = t.page;
    await planSegment(page, seeded);
    const argv = await planArgv(page);
    expect(argv).toContainEqual(["ip", "link", "add", VX, "type", "vxlan", "id", String(VNI), "dstport", "4789", "local", lanAddress("hv-a"), "nolearning"]);
    expect(argv).toContainEqual(["ip", "link", "add", VX, "type", "vxlan", "id", String(VNI), "dstport", "4789", "local", lanAddress("hv-b"), "nolearning"]);
    expect(argv).toContainEqual(["bridge", "fdb", "append", "00:00:00:00:00:00", "dev", VX, "dst", lanAddress("hv-b")]);
    expect(await page.getByRole("dialog").getByText(/do not survive a reboot/).count()).toBeGreaterThan(0);
    const outcome = await applyAndWait(page);
    expect(outcome.applied, outcome.text).toBe(true);
    console.log(`cross-host create on hv-a + hv-b: ${outcome.seconds.toFixed(2)} s from Apply to the outcome`);
    await closeDialog(page);
    await expect.poll(() => page.locator(`article[data-segment="${NET}"]`).count(), { timeout: 30_000 }).toBe(1);

    for (const [host, peer] of [["hv-a", "hv-b"], ["hv-b", "hv-a"]] as const) {
      const vx = (await vxlanLinks(host)).find((l) => l.ifname === VX);
      expect(vx?.linkinfo?.info_data).toMatchObject({ id: VNI, local: lanAddress(host), port: 4789, learning: false });
      expect(vx?.master).toBe(BR);
      expect(vx?.mtu).toBe(1450);
      expect(await floodPeers(host, VX)).toEqual([lanAddress(peer)]);
      expect(await networkNames(host)).toContain(NET);
    }

    // hv-a's topology draws the VXLAN port with its VNI, and hv-b past it as the peer.
    await page.goto(`${seeded.server.baseURL}/hosts/hv-a/topology`);
    await page.getByText("hv-b (VXLAN peer)", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByText(`VXLAN ${VNI} · ${NET}`, { exact: true }).count()).toBe(1);
    // The fleet topology draws the segment itself: one edge from hv-a's VXLAN port to hv-b's, across the host boxes.
    await page.goto(`${seeded.server.baseURL}/topology`);
    await edgeEl(page, VX, VX, `VNI ${VNI} · ${NET}`).waitFor({ state: "attached", timeout: 30_000 });
    expect(await edgeEl(page, VX, VX).count()).toBe(1);
    expect(await page.getByText(/\(VXLAN peer\)$/).count()).toBe(0);

    const onB = await plugGuest("hv-b", BR, { timeoutMs: 60_000 });
    guests.push(onB);
    const onA = await plugGuest("hv-a", BR, { timeoutMs: 60_000 });
    guests.push(onA);
    // hv-a's dnsmasq leased to the guest on hv-b, across the VXLAN.
    expect(onB.lease.ip).toMatch(new RegExp(`^${SUBNET.replace(/\./g, "\\.")}\\.(1\\d\\d)$`));
    expect(onB.lease.router).toBe(`${SUBNET}.1`);
    expect((await ping(onB, `${SUBNET}.1`)).code).toBe(0);
    expect((await ping(onB, onA.lease.ip)).code).toBe(0);
    // 1450 − 20 (IPv4) − 8 (ICMP) = 1422 bytes of payload fit with DF set; one more does not.
    const fits = await ping(onB, `${SUBNET}.1`, 1422);
    expect(fits.code, fits.stdout + fits.stderr).toBe(0);
    const tooBig = await ping(onB, `${SUBNET}.1`, 1423);
    expect(tooBig.code).not.toBe(0);
    console.log("cross-host MTU: 1422-byte ICMP payload (1450-byte packet) passes with DF from hv-b to hv-a's gateway; 1423 does not");
  });

  it("adds hv-c later: it joins with both peers, and hv-a and hv-b keep their devices and traffic", async () => {
    const page = t.page;
    const before = Object.fromEntries(await Promise.all(["hv-a", "hv-b"].map(async (h) => [h, (await vxlanLinks(h)).find((l) => l.ifname === VX)?.ifindex] as const)));
    await open(page, seeded);
    const add = page.getByRole("form", { name: `Add a host to ${NET}` });
    await add.getByLabel("Host to add").selectOption("hv-c");
    await add.getByLabel("Its underlay address").selectOption(lanAddress("hv-c"));
    await add.getByRole("button", { name: `Add host to ${NET}` }).click();
    const argv = await planArgv(page);
    // hv-a and hv-b get one flooding entry each and nothing else.
    const onOthers = argv.filter((a) => a[0] === "bridge" && a.at(-1) === lanAddress("hv-c"));
    expect(onOthers).toHaveLength(2);
    const outcome = await applyAndWait(page);
    expect(outcome.applied, outcome.text).toBe(true);
    console.log(`cross-host add hv-c: ${outcome.seconds.toFixed(2)} s from Apply to the outcome`);
    await closeDialog(page);

    for (const host of ["hv-a", "hv-b"]) {
      expect((await vxlanLinks(host)).find((l) => l.ifname === VX)?.ifindex).toBe(before[host]);
    }
    expect(await floodPeers("hv-a", VX)).toEqual([lanAddress("hv-b"), lanAddress("hv-c")].sort());
    expect(await floodPeers("hv-b", VX)).toEqual([lanAddress("hv-a"), lanAddress("hv-c")].sort());
    expect(await floodPeers("hv-c", VX)).toEqual([lanAddress("hv-a"), lanAddress("hv-b")].sort());
    const [onB] = guests;
    expect((await ping(onB!, `${SUBNET}.1`)).code).toBe(0);
    const onC = await plugGuest("hv-c", BR, { timeoutMs: 60_000 });
    guests.push(onC);
    expect(onC.lease.router).toBe(`${SUBNET}.1`);
    expect((await ping(onC, onB!.lease.ip)).code).toBe(0);
  });

  it("removes hv-c through the page: hv-c keeps nothing of the segment, hv-a and hv-b drop it as a peer and keep their devices and traffic", async () => {
    const page = t.page;
    const before = Object.fromEntries(await Promise.all(["hv-a", "hv-b"].map(async (h) => [h, (await vxlanLinks(h)).find((l) => l.ifname === VX)?.ifindex] as const)));
    await guests.pop()!.remove(); // hv-c's probe, plugged in the test before
    await open(page, seeded);
    const segment = page.locator(`article[data-segment="${NET}"]`);
    // The gateway (DHCP and the subnet live there) has no remove control.
    expect(await segment.getByRole("button", { name: `Remove hv-a from ${NET}` }).count()).toBe(0);
    await segment.getByRole("button", { name: `Remove hv-c from ${NET}` }).click();
    const argv = await planArgv(page);
    // hv-a and hv-b each lose exactly hv-c's flooding entry; their devices are not touched.
    const onOthers = argv.filter((a) => a[0] === "bridge" && a.at(-1) === lanAddress("hv-c"));
    expect(onOthers).toEqual([["bridge", "fdb", "del", "00:00:00:00:00:00", "dev", VX, "dst", lanAddress("hv-c")], ["bridge", "fdb", "del", "00:00:00:00:00:00", "dev", VX, "dst", lanAddress("hv-c")]]);
    const outcome = await applyAndWait(page);
    expect(outcome.applied, outcome.text).toBe(true);
    console.log(`cross-host remove hv-c: ${outcome.seconds.toFixed(2)} s from Apply to the outcome`);
    await closeDialog(page);

    expect(await linkExists("hv-c", VX)).toBe(false);
    expect(await linkExists("hv-c", BR)).toBe(false);
    expect(await networkNames("hv-c")).not.toContain(NET);
    for (const [host, peer] of [["hv-a", "hv-b"], ["hv-b", "hv-a"]] as const) {
      expect((await vxlanLinks(host)).find((l) => l.ifname === VX)?.ifindex).toBe(before[host]);
      expect(await floodPeers(host, VX)).toEqual([lanAddress(peer)]);
    }
    const [onB] = guests;
    expect((await ping(onB!, `${SUBNET}.1`)).code).toBe(0);
    // Left with two hosts, the segment offers no more removals: one host alone is not a segment.
    await expect.poll(() => segment.locator("tr[data-host]").count(), { timeout: 30_000 }).toBe(2);
    expect(await segment.getByRole("button", { name: /^Remove / }).count()).toBe(0);
  });

  it("deletes every part from every host (hv-c already left)", async () => {
    const page = t.page;
    for (const g of guests.splice(0)) await g.remove();
    await open(page, seeded);
    await page.getByRole("button", { name: `Delete ${NET}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Type the network's name to confirm").fill(NET);
    const outcome = await applyAndWait(page);
    expect(outcome.applied, outcome.text).toBe(true);
    console.log(`cross-host delete from hv-a + hv-b: ${outcome.seconds.toFixed(2)} s`);
    for (const host of HOSTS) {
      expect(await linkExists(host, VX)).toBe(false);
      expect(await linkExists(host, BR)).toBe(false);
      expect(await networkNames(host)).not.toContain(NET);
    }
    await closeDialog(page);
    await expect.poll(() => page.locator(`article[data-segment="${NET}"]`).count(), { timeout: 30_000 }).toBe(0);
    // Each apply audited the time it spent on each host.
    await page.goto(`${seeded.server.baseURL}/audit`);
    const timings = await page.getByText(/^Time on each host/).allInnerTexts();
    expect(timings.length).toBeGreaterThanOrEqual(4);
    console.log(`cross-host per-host apply times, newest first:\n${timings.join("\n")}`);
  });
  it("deletes while hv-b does not answer: hv-b's part is listed as pending and removed once hv-b answers a status check", async () => {
    const page = t.page;
    await planSegment(page, seeded);
    expect((await applyAndWait(page)).applied).toBe(true);
    await closeDialog(page);
    await expect.poll(() => page.locator(`article[data-segment="${NET}"]`).count(), { timeout: 30_000 }).toBe(1);
    // Switchyard reaches hv-b over its uplink (eth0); the cut drops it both ways, then heals by itself.
    await fault("hv-b", "cut-uplink", 40);
    await page.getByRole("button", { name: `Delete ${NET}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("hv-b does not answer", { exact: false }).waitFor({ timeout: 60_000 });
    await dialog.getByLabel("Type the network's name to confirm").fill(NET);
    expect((await applyAndWait(page)).applied).toBe(true);
    await closeDialog(page);
    expect(await linkExists("hv-a", VX)).toBe(false);
    expect(await networkNames("hv-a")).not.toContain(NET);
    // The fleet's Hosts page (no cross-host page open) asks each host for its status; once hv-b
    // answers again, its part goes by itself (the retry runs after the status answer).
    await page.goto(`${seeded.server.baseURL}/hosts`);
    await expect
      .poll(async () => {
        await page.reload();
        return linkExists("hv-b", VX);
      }, { timeout: 90_000, interval: 3_000 })
      .toBe(false);
    await expect.poll(() => networkNames("hv-b"), { timeout: 15_000 }).not.toContain(NET);
    expect(await linkExists("hv-b", BR)).toBe(false);
    await page.goto(`${seeded.server.baseURL}/networks/cross-host`);
    expect(await page.getByRole("region", { name: "Pending removals" }).count()).toBe(0);
    // Removed by the pending row's retry (audited as the system), not by the delete plan.
    await page.goto(`${seeded.server.baseURL}/audit`);
    expect(await page.getByText("The host answered again; its part of the deleted segment was removed.").count()).toBe(1);
  });
});
