import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { callAction, findAction, sessionCookie } from "../auth/http-client";
import { signIn, usePage } from "../support/browser";
import { addHostForm, fillHostForm, hostNames, labFields } from "./hosts-ui";

const hostile: Array<[field: "Name" | "Address" | "Username", value: string, message: RegExp]> = [
  ["Address", "-oProxyCommand=touch /tmp/pwn", /cannot start with "-"/],
  ["Name", "web;touch /tmp/pwn", /cannot contain ";"/],
  ["Name", "$(touch /tmp/pwn)", /shell substitutions/],
  ["Name", "x".repeat(300), /at most 63 characters/],
  ["Username", "-oProxyCommand=x", /cannot start with "-"/],
];

describe("hostile host fields (test 6)", () => {
  const t = usePage();

  it.each(hostile)("%s %j is refused on its field and nothing is stored", async (label, value, message) => {
    const page = t.page;
    await signIn(page);
    await page.goto("/hosts");
    const before = await hostNames(page);
    const form = addHostForm(page);
    const fields = labFields("hv-a", "operator-password", "hostile-test");
    await fillHostForm(form, fields);
    await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: "Add host" }).click();
    const input = form.getByLabel(label, { exact: true });
    await input.and(form.locator('[aria-invalid="true"]')).waitFor();
    const error = form.locator(`[id="${await input.getAttribute("aria-describedby")}"]`);
    expect(await error.innerText()).toMatch(message);
    expect(await error.isVisible()).toBe(true);
    expect(await form.getByTestId("host-key-fingerprint").count()).toBe(0);
    await page.reload();
    expect(await hostNames(page)).toEqual(before);
  });

  it("a newline in a field is refused by the server too, when the browser is bypassed", async () => {
    const cookie = await sessionCookie(inject("adminUser"), inject("adminPassword"));
    const addHost = findAction("app/hosts/actions.ts", "addHost");
    const probe = findAction("app/hosts/actions.ts", "probeHostKey");
    const form = { ...labFields("hv-a", "operator-password"), authKind: "password" };
    const cases = [
      { ...form, name: "evil\nname" },
      { ...form, name: "ok-name", address: "-oProxyCommand=touch /tmp/pwn" },
      { ...form, name: "n".repeat(300) },
    ];
    for (const bad of cases) {
      const probed = await callAction(probe, [bad], cookie);
      expect(probed.text).toContain('"code":"invalid"');
      const added = await callAction(addHost, [{ form: bad, keyType: "ssh-ed25519", fingerprint: `SHA256:${"A".repeat(43)}` }], cookie);
      expect(added.text).toContain('"code":"invalid"');
    }
  });
});
