import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { labExec, labHost, labVirsh } from "@/lab";
import { applyPlan, dumpXml, HOST, labNetwork, openTab, ready, removeNetwork } from "../dhcp-dns-xml/support";
import { sessionCookie } from "../auth/http-client";
import { launchBrowser, usePage } from "../support/browser";
import { actionOf, postAction, resultOf } from "./action-http";
import { hostile } from "./hostile-inputs";

// Hostile documents sent to the XML editor's server action, as a browser would
// send them but without its UI. Each must be refused before a plan exists; in
// case one is not, the plan it returned is applied, so the host check below
// sees what a real attacker would have got. Afterwards the host must show the
// network exactly as before: `virsh net-dumpxml --inactive`, the dnsmasq conf
// libvirt wrote under /var/lib/libvirt/dnsmasq, and no new network.

const NAME = "sy-sec-xml";
const DNSMASQ = "http://libvirt.org/schemas/network/dnsmasq/1.0";
const ACTION_FILE = "app/hosts/[host]/networks/[name]/xml/actions.ts";

let cookie = "";
let uuid = "";

const conf = async () => (await labExec(HOST, ["cat", `/var/lib/libvirt/dnsmasq/${NAME}.conf`])).stdout;
const networkNames = async () => (await labVirsh(HOST, ["net-list", "--all", "--name"])).stdout.split("\n").map((s) => s.trim()).filter(Boolean).sort();
const base = () => inject("baseURL");

/** The interface on hv-a that holds the address the console connects to. */
async function sshUplink(): Promise<string> {
  const address = labHost(HOST).address;
  const lines = (await labExec(HOST, ["ip", "-o", "-4", "addr", "show"])).stdout.split("\n");
  const dev = lines.find((l) => l.includes(` ${address}/`))?.split(/\s+/)[1];
  if (!dev) throw new Error(`no interface holds ${address} on ${HOST}`);
  return dev;
}

/** Sends `edited` as an edit of the current definition; applies a plan if one came back (it must not). */
async function tryEdit(edited: string) {
  const loaded = await dumpXml(NAME, true);
  const plan = actionOf(ACTION_FILE, "planXmlEdit");
  const reply = await postAction(base(), plan, `/hosts/${HOST}/networks/${NAME}`, [{ host: HOST, uuid, loaded, edited }], { Cookie: cookie });
  const result = resultOf(reply);
  const planId = result?.ok ? /"id":"([0-9a-f-]{36})"/.exec(JSON.stringify(result.data))?.[1] : undefined;
  if (planId) {
    await fetch(`${base()}/api/changes/${planId}`, { method: "POST", headers: { Cookie: cookie, Origin: base(), "Content-Type": "application/json" }, body: JSON.stringify({ confirm: NAME }) }).then((r) => r.text());
  }
  return { reply, result };
}

describe("XML editor: hostile documents change nothing on the host", () => {
  let before = "";
  let confBefore = "";
  let namesBefore: string[] = [];

  beforeAll(async () => {
    // The lab hosts are registered through the UI, as an operator would.
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ baseURL: base() })).newPage();
      await ready(page);
    } finally {
      await browser.close();
    }
    ({ uuid } = await labNetwork(NAME, 61));
    cookie = await sessionCookie(inject("adminUser"), inject("adminPassword"));
  }, 120_000);
  afterAll(() => removeNetwork(NAME));

  const expectHostUnchanged = async () => {
    expect(await dumpXml(NAME, true)).toBe(before);
    const now = await conf();
    expect(now).toBe(confBefore);
    expect(now).not.toMatch(/dhcp-script|conf-file|conf-script|tftp-root|dhcp-boot/);
    expect(await networkNames()).toEqual(namesBefore);
  };

  const cases: { what: string; code: RegExp; names: RegExp; edit: (xml: string, dev: string) => string }[] = [
    { what: "dnsmasq:options with a prefix", code: /policy/, names: /<dnsmasq:options>/, edit: (x) => x.replace("<network>", `<network xmlns:dnsmasq='${DNSMASQ}'>`).replace("</network>", "<dnsmasq:options><dnsmasq:option value='dhcp-script=/tmp/pwn.sh'/></dnsmasq:options></network>") },
    { what: "dnsmasq namespace as the default, URI behind a character reference", code: /policy/, names: /<options>/, edit: (x) => x.replace("</network>", `<options xmlns='&#104;ttp://libvirt.org/schemas/network/dnsmasq/1.0'><option value='dhcp-script=/tmp/pwn.sh'/></options></network>`) },
    { what: "dnsmasq namespace behind hex character references", code: /policy/, names: /<options>/, edit: (x) => x.replace("</network>", `<options xmlns="&#x68;&#x74;&#x74;&#x70;&#x3a;//libvirt.org/schemas/network/dnsmasq/1.0"><option value='conf-file=/etc/shadow'/></options></network>`) },
    { what: "an innocent prefix redeclared to dnsmasq on a nested element", code: /policy/, names: /<x:options?>/, edit: (x) => x.replace("</network>", `<x:options xmlns:x='urn:harmless'><x:option xmlns:x='${DNSMASQ}' value='conf-script=/tmp/pwn.sh'/></x:options></network>`) },
    { what: "dnsmasq namespace as the root's default namespace", code: /policy/, names: /<network>|<options>/, edit: (x) => x.replace("<network>", `<network xmlns='${DNSMASQ}'>`).replace("</network>", "<options><option value='dhcp-script=/tmp/pwn.sh'/></options></network>") },
    { what: "dnsmasq options hidden inside a passthrough <portgroup>", code: /policy/, names: /<options>/, edit: (x) => x.replace("</network>", `<portgroup name='pg'><options xmlns='${DNSMASQ}'><option value='dhcp-script=/tmp/pwn.sh'/></options></portgroup></network>`) },
    { what: "billion laughs entity expansion", code: /policy/, names: /DOCTYPE/, edit: (x) => `<!DOCTYPE network [<!ENTITY a "${"a".repeat(10)}">${"bcdefghij".split("").map((c, i) => `<!ENTITY ${c} "${`&${"abcdefghij"[i]};`.repeat(10)}">`).join("")}]>\n${x.replace("</network>", "<description>&j;</description></network>")}` },
    { what: "external entity reading /etc/shadow", code: /policy/, names: /DOCTYPE/, edit: (x) => `<!DOCTYPE network [<!ENTITY s SYSTEM "file:///etc/shadow">]>\n${x.replace("</network>", "<description>&s;</description></network>")}` },
    { what: "namespace URI hidden in an internal entity", code: /policy/, names: /DOCTYPE/, edit: (x) => `<!DOCTYPE network [<!ENTITY ns "${DNSMASQ}">]>\n${x.replace("</network>", "<options xmlns='&ns;'><option value='dhcp-script=/tmp/pwn.sh'/></options></network>")}` },
    { what: "a processing instruction inside <ip>", code: /policy/, names: /<\?php\?> inside <ip>/, edit: (x) => x.replace("<dhcp>", "<?php system('id'); ?><dhcp>") },
    { what: "<tftp root='/'> serving the host's files", code: /policy/, names: /<tftp root>/, edit: (x) => x.replace("<dhcp>", "<tftp root='/'/><dhcp>") },
    { what: "<bootp server> pointing guests elsewhere", code: /policy/, names: /<bootp server>/, edit: (x) => x.replace("</dhcp>", "<bootp file='pxelinux.0' server='198.18.0.129'/></dhcp>") },
    { what: "attribute in a foreign namespace on <bridge>", code: /policy/, names: /<bridge>/, edit: (x) => x.replace("<bridge ", `<bridge xmlns:e='urn:e' e:evil='1' `) },
    { what: "a rename by character reference", code: /identity/, names: /name cannot be changed/, edit: (x) => x.replace(`<name>${NAME}</name>`, "<name>&#115;y-sec-renamed</name>") },
    { what: "a 300 kB document (over the editor's cap)", code: /policy/, names: /at most 256 kB/, edit: (x) => x.replace("</network>", `<description>${"A".repeat(300 * 1024)}</description></network>`) },
    { what: "a 1 MB document", code: /policy|invalid|^$/, names: /at most 256 kB|At most|^$/, edit: (x) => x.replace("</network>", `<description>${"A".repeat(1024 * 1024)}</description></network>`) },
  ];

  it.each(cases)("refuses $what", async ({ what, code, names, edit }) => {
    before = await dumpXml(NAME, true);
    confBefore = await conf();
    namesBefore = await networkNames();
    expect(confBefore).toContain("dhcp-range");
    const edited = edit(before, await sshUplink());
    expect(edited).not.toBe(before);
    hostile("xml-editor", what, edited.length > 300 ? `${edited.slice(0, 120)}… (${edited.length} chars)` : edited);
    const { reply, result } = await tryEdit(edited);
    expect(result?.ok ?? false).toBe(false);
    if (result) {
      expect(result.code ?? "").toMatch(code);
      expect(result.message ?? "").toMatch(names);
    } else {
      // Next itself refused the body (over its server action limit): no action ran.
      expect(reply.status).toBeGreaterThanOrEqual(400);
    }
    await expectHostUnchanged();
  });

  it("refuses a passthrough <forward> on the host's SSH uplink", async () => {
    before = await dumpXml(NAME, true);
    confBefore = await conf();
    namesBefore = await networkNames();
    const dev = await sshUplink();
    const edited = `<network>\n  <name>${NAME}</name>\n  <uuid>${uuid}</uuid>\n  <forward mode='passthrough'><interface dev='${dev}'/></forward>\n</network>\n`;
    hostile("xml-editor", "passthrough forward on the SSH uplink", edited);
    const { result } = await tryEdit(edited);
    expect(result).toMatchObject({ ok: false, code: "policy" });
    expect(result!.message).toContain(`${dev} carries the console's SSH session`);
    await expectHostUnchanged();
  });

  it("leaves no change to the network in the audit log", async () => {
    const res = await fetch(`${base()}/audit`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/<[^>]+>/g, " ");
    expect(text).toContain("session.sign-in");
    expect(text).not.toContain(NAME);
  });
});

describe("XML editor in the browser: a refused edit keeps the operator's text", () => {
  const t = usePage();

  it("shows the refusal naming the element, keeps the text, and leaves the host as it was", async () => {
    await labNetwork(NAME, 61);
    const before = await dumpXml(NAME, true);
    const confBefore = await conf();
    await ready(t.page);
    await openTab(t.page, NAME, "XML");
    await t.page.getByRole("button", { name: "Edit", exact: true }).click();
    await t.page.locator(".cm-content").getByText("<network").first().waitFor({ timeout: 30_000 });
    const edited = before.replace("</network>", `  <options xmlns='&#104;ttp://libvirt.org/schemas/network/dnsmasq/1.0'><option value='dhcp-script=/tmp/pwn.sh'/></options>\n</network>`);
    hostile("xml-editor", "the issue's char-ref default namespace, typed into the editor", edited);
    await t.page.locator(".cm-content").click();
    await t.page.keyboard.press("ControlOrMeta+a");
    await t.page.keyboard.press("Delete");
    await t.page.keyboard.insertText(edited);
    await t.page.getByRole("button", { name: "Apply" }).click();
    const alert = t.page.getByRole("tabpanel").getByRole("alert").first();
    await alert.getByText(/dnsmasq namespace/).waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/<options>/);
    expect(await t.page.getByRole("dialog").count()).toBe(0);
    expect(await t.page.locator(".cm-content").innerText()).toContain("dhcp-script=/tmp/pwn.sh");
    expect(await dumpXml(NAME, true)).toBe(before);
    expect(await conf()).toBe(confBefore);
  });

  it("still applies an allow-listed passthrough element (a <portgroup>) edited the same way", async () => {
    await labNetwork(NAME, 61);
    const loaded = await dumpXml(NAME, true);
    await ready(t.page);
    await openTab(t.page, NAME, "XML");
    await t.page.getByRole("button", { name: "Edit", exact: true }).click();
    await t.page.locator(".cm-content").getByText("<network").first().waitFor({ timeout: 30_000 });
    await t.page.locator(".cm-content").click();
    await t.page.keyboard.press("ControlOrMeta+a");
    await t.page.keyboard.press("Delete");
    await t.page.keyboard.insertText(loaded.replace("</network>", "  <portgroup name='engineering'/>\n</network>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    const review = t.page.getByRole("region", { name: "Review of the edit" });
    await review.waitFor({ timeout: 30_000 });
    await review.getByRole("button", { name: "Continue to the plan" }).click();
    await applyPlan(t.page);
    expect(await dumpXml(NAME, true)).toContain("<portgroup name='engineering'");
  });
});
