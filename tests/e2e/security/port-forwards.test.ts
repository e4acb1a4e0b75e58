import { afterAll, describe, expect, it } from "vitest";
import { labExec, labVirsh } from "@/lab";
import { parseNetworkXml } from "@/lib/domain/network";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { HOOK, HOST, natNetwork, removeNetwork } from "../port-forwarding/support";
import { hostile } from "./hostile-inputs";

// Hostile values in the port-forward form: each is refused on its field before
// any plan exists, and a comment full of XML and shell ends up as one escaped
// attribute of one rule. Nothing reaches the host: its definition and its hook
// file are as they were.
const NET = "sy-pf-sec";

afterAll(async () => {
  await removeNetwork(NET);
});

const cases: { what: string; field: string; values: Record<string, string>; error: RegExp }[] = [
  { what: "port-forward host port with a shell separator", field: "Host port or range", values: { "Host port or range": "8080;reboot" }, error: /port \(1–65535\)/ },
  { what: "port-forward host port carrying iptables options", field: "Host port or range", values: { "Host port or range": "8080 -j ACCEPT" }, error: /port \(1–65535\)/ },
  { what: "port-forward host port out of range", field: "Host port or range", values: { "Host port or range": "70000" }, error: /port \(1–65535\)/ },
  { what: "port-forward guest address with a shell separator", field: "Guest address", values: { "Guest address": "10.254.9.5;id" }, error: /IPv4 address/ },
  { what: "port-forward guest address as a whole range", field: "Guest address", values: { "Guest address": "0.0.0.0/0" }, error: /IPv4 address/ },
  { what: "port-forward guest address outside the subnet", field: "Guest address", values: { "Guest address": "198.18.0.1" }, error: /outside the network's subnet/ },
  { what: "port-forward ranges of unequal length", field: "Guest port or range", values: { "Host port or range": "8080-8090", "Guest port or range": "80-81" }, error: /as many ports/ },
  { what: "port-forward comment with a control character", field: "Comment (optional)", values: { "Comment (optional)": "bell\u0007" }, error: /Control characters/ },
];

describe("port-forward form against hostile input", () => {
  const t = usePage();

  it("refuses each hostile value on its field, and stores a hostile comment as plain text", async () => {
    await natNetwork(NET, 9);
    const hookBefore = await labExec(HOST, ["sh", "-c", `cat ${HOOK} 2>/dev/null | sha256sum`]);
    const xmlBefore = (await labVirsh(HOST, ["net-dumpxml", "--inactive", NET])).stdout;
    await ready(t.page);
    await t.page.goto(`/hosts/${HOST}/networks/${NET}`);
    await t.page.getByRole("tab", { name: "Port forwarding", exact: true }).click();
    const form = t.page.getByRole("form", { name: "Add a port forward" });
    await form.waitFor({ timeout: 30_000 });
    const good = { "Host port or range": "18080", "Guest address": "10.254.9.5", "Guest port or range": "80", "Comment (optional)": "" };

    for (const c of cases) {
      hostile("forms", c.what, c.values);
      for (const [label, value] of Object.entries({ ...good, ...c.values })) await form.getByLabel(label, { exact: true }).fill(value);
      await form.getByRole("button", { name: "Add forward" }).click();
      const error = form.getByLabel(c.field, { exact: true }).locator("xpath=following-sibling::p[@data-field-error]");
      await expect.poll(() => error.textContent(), { timeout: 20_000 }).toMatch(c.error);
      expect(await t.page.getByRole("dialog").count()).toBe(0);
    }

    const comment = `"/><swy:rule proto="tcp" host-port="22" guest-address="10.254.9.9" guest-port="22"/> $(reboot) \`id\` ' <!--`;
    hostile("forms", "port-forward comment carrying XML, shell and a forged rule", comment);
    for (const [label, value] of Object.entries({ ...good, "Comment (optional)": comment })) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: "Add forward" }).click();
    const dialog = t.page.getByRole("dialog");
    const xml = await dialog.getByLabel("Network XML").textContent();
    const parsed = parseNetworkXml(xml ?? "");
    expect(parsed.ok && parsed.spec.mode === "nat" && parsed.spec.portForwards).toEqual([
      { protocol: "tcp", hostPorts: { start: 18080, end: 18080 }, guestAddress: "10.254.9.5", guestPorts: { start: 80, end: 80 }, comment: comment.trim() },
    ]);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    expect((await labVirsh(HOST, ["net-dumpxml", "--inactive", NET])).stdout).toBe(xmlBefore);
    expect((await labExec(HOST, ["sh", "-c", `cat ${HOOK} 2>/dev/null | sha256sum`])).stdout).toBe(hookBefore.stdout);
  });
});
