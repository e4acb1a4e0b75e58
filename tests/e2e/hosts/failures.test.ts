import { describe, expect, it } from "vitest";
import { signIn, usePage } from "../support/browser";
import { addHostForm, hostNames, labFields, requestHostKey, trustHostKey } from "./hosts-ui";

// Each failure must say what is wrong, on the field to fix, and store nothing.

async function errorOf(form: ReturnType<typeof addHostForm>, label: string) {
  const field = form.getByLabel(label, { exact: true });
  await field.and(form.locator('[aria-invalid="true"]')).waitFor({ timeout: 30_000 });
  const id = await field.getAttribute("aria-describedby");
  return (await form.locator(`[id="${id}"]`).innerText()).trim();
}

describe("clear errors when adding a host (tests 4 and 5)", () => {
  const t = usePage();

  it("a wrong password is refused on the SSH password field", async () => {
    const page = t.page;
    await signIn(page);
    await page.goto("/hosts");
    const before = await hostNames(page);
    const { name, address, username } = labFields("hv-b", "operator-password", "hv-b-wrong-password");
    await requestHostKey(page, { name, address, username, auth: "password", password: "not-the-password" });
    await trustHostKey(page);
    expect(await errorOf(addHostForm(page), "SSH password")).toBe("hv-b-wrong-password did not accept the SSH password of operator.");
    await page.goto("/hosts");
    expect(await hostNames(page)).toEqual(before);
  });

  it("a key the host does not know (a freshly generated pair) is refused on the Private key field", async () => {
    const page = t.page;
    await signIn(page);
    await page.goto("/hosts");
    const form = addHostForm(page);
    const fields = labFields("hv-a", "root-key", "hv-a-wrong-key");
    await form.getByLabel("Authentication", { exact: true }).selectOption("SSH key");
    await form.getByRole("button", { name: "Generate key pair" }).click();
    const publicLine = await form.getByLabel(/Public key/).inputValue();
    expect(publicLine).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/=]+ switchyard/);
    await form.getByLabel("Name", { exact: true }).fill(fields.name);
    await form.getByLabel("Address", { exact: true }).fill(fields.address);
    await form.getByLabel("Username", { exact: true }).fill(fields.username);
    await form.getByRole("button", { name: "Add host" }).click();
    await trustHostKey(page);
    await form.getByRole("alert").getByText("hv-a-wrong-key did not accept the private key of root.").waitFor({ timeout: 30_000 });
    // The private half never reached the browser.
    expect(await page.content()).not.toContain("PRIVATE KEY-----\n");
  });

  it("adding outsider explains the libvirt group", async () => {
    const page = t.page;
    await signIn(page);
    await requestHostKey(page, labFields("hv-a", "outsider-password", "hv-a-outsider"));
    await trustHostKey(page);
    const form = addHostForm(page);
    await form.getByRole("alert").getByText(/outsider is not in the libvirt group on hv-a-outsider/).waitFor({ timeout: 30_000 });
    expect(await errorOf(form, "Username")).toMatch(/outsider is not in the libvirt group/);
    await page.goto("/hosts");
    expect(await hostNames(page)).not.toContain("hv-a-outsider");
  });
});
