import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labExec, labHost, labVirsh, listen, plugGuest, type Guest, type Listener } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { applyPlan } from "../dhcp-dns-xml/support";
import { HOOK_MARKER } from "@/lib/libvirt/port-forward-hook";
import { answerFromHost, bridgePorts, HOOK, HOST, natNetwork, removeNetwork, replug, restartLibvirtd, ruleset, switchyardChains, tcpAnswer, type Ruleset } from "./support";

// A forward tcp host:8080 → a listener guest's port 80 on a NAT network of
// hv-a, made in the browser and checked only from outside the console: a TCP
// connection from the root namespace to hv-a's uplink address, one from hv-a
// itself and one from a second guest of the same network; again after
// net-destroy + net-start and after a libvirtd restart (the console takes no
// part in either); then removed, leaving the host's rules as they were.
const NAME = "sy-pf-web";
let hookBefore: string | null = null;
let listener: Listener | undefined;
let guest: Guest | undefined;

beforeAll(async () => {
  const hook = await labExec(HOST, ["cat", HOOK]);
  hookBefore = hook.code === 0 ? hook.stdout : null;
});

afterAll(async () => {
  await listener?.remove();
  await guest?.remove();
  await removeNetwork(NAME);
  // The lab's baseline has no hook: one this test installed goes, and libvirtd forgets it.
  if (hookBefore === null) {
    await labExec(HOST, ["rm", "-f", HOOK]);
    await restartLibvirtd();
  }
});

/** Rules per chain as a sorted list: libvirt re-inserts its own rules in a new order when a network restarts. */
const asData = (r: Ruleset, skip: (rule: string) => boolean = () => false) =>
  Object.fromEntries(Object.entries(r).map(([table, t]) => [table, { policies: t.policies, rules: Object.fromEntries(Object.entries(t.rules).map(([c, l]) => [c, l.filter((x) => !skip(x)).sort()])) }]));

/**
 * The lab is shared: another suite may start or stop a network of its own on
 * hv-a meanwhile. Interfaces and addresses that one ruleset names and the other
 * does not are theirs, so rules naming them are set aside; everything else
 * (this network's rules and any SWY- chain included) must be equal.
 */
function comparable(before: Ruleset, after: Ruleset) {
  const names = (r: Ruleset) => new Set(Object.values(r).flatMap((t) => Object.values(t.rules).flat()).flatMap((rule) => [...rule.matchAll(/ -[iosd] (\S+)/g)].map((m) => m[1]!)));
  const [a, b] = [names(before), names(after)];
  const theirs = new Set([...a].filter((n) => !b.has(n)).concat([...b].filter((n) => !a.has(n))));
  const skip = (rule: string) => [...rule.matchAll(/ -[iosd] (\S+)/g)].some((m) => theirs.has(m[1]!));
  return [asData(before, skip), asData(after, skip)] as const;
}

async function openForwards(page: Page) {
  await page.goto(`/hosts/${HOST}/networks/${NAME}`);
  await page.getByRole("tab", { name: "Port forwarding", exact: true }).click();
  await page.getByRole("form", { name: "Add a port forward" }).waitFor({ timeout: 30_000 });
}

describe("port forwarding into a NAT network", () => {
  const t = usePage();

  it("forwards tcp :8080 to a guest's port 80 from everywhere, survives restarts, and leaves nothing behind", async () => {
    const { bridge } = await natNetwork(NAME, 7);
    listener = await listen(HOST, NAME, 80);
    guest = await plugGuest(HOST, bridge);
    const address = labHost(HOST).address;
    const fromGuest = async () => (await guest!.exec(["busybox", "nc", "-w", "4", address, "8080"])).stdout.trim();
    const before = await ruleset();
    expect(await tcpAnswer(address, 8080)).toBe("error ECONNREFUSED");

    await ready(t.page);
    await openForwards(t.page);
    const form = t.page.getByRole("form", { name: "Add a port forward" });
    // Refusals land on their fields: a guest outside the subnet, a port the host's sshd listens on.
    await form.getByLabel("Host port or range").fill("22");
    await form.getByLabel("Guest address").fill("10.9.9.9");
    await form.getByLabel("Guest port or range").fill("22");
    await form.getByRole("button", { name: "Add forward" }).click();
    await expect.poll(() => form.locator("[data-field-error]").allInnerTexts(), { timeout: 20_000 }).toHaveLength(2);
    const errors = (await form.locator("[data-field-error]").allInnerTexts()).join(" | ");
    expect(errors).toContain("outside the network's subnet 10.254.7.0/24");
    expect(errors).toContain(`listens on tcp ${address} port 22`);

    await form.getByLabel("Host port or range").fill("8080");
    await form.getByLabel("Guest address").fill(listener.ip);
    await form.getByLabel("Guest port or range").fill("80");
    await form.getByLabel("Comment (optional)").fill("web");
    await form.getByRole("button", { name: "Add forward" }).click();
    const dialog = t.page.getByRole("dialog");
    await dialog.waitFor();
    if (hookBefore === null) {
      // The hook is shown with its step before anything is written.
      expect(await dialog.getByLabel("Input of step 2").textContent()).toContain(HOOK_MARKER);
      await expect.poll(() => dialog.innerText()).toContain("Restart libvirtd");
    }
    const argv = await applyPlan(t.page);
    expect(argv.at(-1)).toEqual([HOOK, NAME, "switchyard-apply", "begin", "-"]);
    expect((await labExec(HOST, ["cat", HOOK])).stdout).toContain(HOOK_MARKER);
    const inactive = (await labVirsh(HOST, ["net-dumpxml", "--inactive", NAME])).stdout;
    expect(inactive).toContain(`<swy:rule proto="tcp" host-port="8080" guest-address="${listener.ip}" guest-port="80" comment="web"/>`);
    await t.page.getByRole("table", { name: "Port forwards" }).getByText(listener.ip).waitFor({ timeout: 30_000 });

    expect(await tcpAnswer(address, 8080)).toBe(listener.answer);
    expect(await answerFromHost(address, 8080)).toBe(listener.answer);
    expect(await fromGuest()).toBe(listener.answer);

    // net-destroy + net-start: libvirt runs the hook; the guests' ports go back into the new bridge.
    const ports = await bridgePorts(bridge);
    expect((await labVirsh(HOST, ["net-destroy", NAME])).code).toBe(0);
    expect(switchyardChains((await ruleset()).nft)).toEqual([]);
    expect((await labVirsh(HOST, ["net-start", NAME])).code).toBe(0);
    await replug(bridge, ports);
    expect(await tcpAnswer(address, 8080)).toBe(listener.answer);
    expect(await fromGuest()).toBe(listener.answer);

    // libvirtd restarted (it re-creates its own rules): the forward holds.
    await restartLibvirtd();
    expect(await tcpAnswer(address, 8080)).toBe(listener.answer);
    expect(await answerFromHost(address, 8080)).toBe(listener.answer);

    // Removing the rule: refused again, and the host's rules are the ones from before the first rule.
    await openForwards(t.page);
    await t.page.getByRole("button", { name: "Remove forward tcp 8080" }).click();
    const removal = await applyPlan(t.page);
    expect(removal.at(-1)).toEqual([HOOK, NAME, "switchyard-apply", "begin", "-"]);
    expect(await tcpAnswer(address, 8080)).toBe("error ECONNREFUSED");
    const after = await ruleset();
    expect(switchyardChains(after.nft)).toEqual([]);
    const [nftBefore, nftAfter] = comparable(before.nft, after.nft);
    expect(nftAfter).toEqual(nftBefore);
    expect(nftAfter.filter?.rules["LIBVIRT_FWI"]).toContain("-A LIBVIRT_FWI -o sy-pf-b7 -j REJECT --reject-with icmp-port-unreachable");
    const [legacyBefore, legacyAfter] = comparable(before.legacy, after.legacy);
    expect(legacyAfter).toEqual(legacyBefore);
    expect((await labVirsh(HOST, ["net-dumpxml", "--inactive", NAME])).stdout).not.toContain("swy:");
  });

  it("tells an operator-login host why it cannot take forwards (iptables and the hook need root)", async () => {
    await ready(t.page);
    await t.page.goto("/hosts/hv-b/networks/default");
    await t.page.getByRole("tab", { name: "Port forwarding", exact: true }).click();
    await t.page.getByRole("note").getByText("register the host as root").waitFor({ timeout: 30_000 });
    expect(await t.page.getByRole("form", { name: "Add a port forward" }).count()).toBe(0);
  });
});
