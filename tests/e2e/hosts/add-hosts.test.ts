import { describe, expect, it } from "vitest";
import { labHost } from "@/lab";
import { signIn, usePage } from "../support/browser";
import { addHostForm, hostRow, labFields, removeHostIfPresent, requestHostKey, trustHostKey, waitForStatus } from "./hosts-ui";

describe("adding hosts (test 1)", () => {
  const t = usePage();

  it("an admin adds hv-a by key and hv-b by password, trusting the fingerprints the lab lists", async () => {
    const page = t.page;
    await signIn(page);
    for (const [host, login] of [["hv-a", "root-key"], ["hv-b", "operator-password"]] as const) {
      await removeHostIfPresent(page, host);
      const shown = await requestHostKey(page, labFields(host, login));
      expect(shown).toEqual({ keyType: "ssh-ed25519", fingerprint: labHost(host).hostKeyFingerprint });
      // Nothing is stored before the key is trusted.
      expect(await hostRow(page, host).count()).toBe(0);
      await trustHostKey(page);
      await addHostForm(page).getByRole("status").getByText(`${host} was added`).waitFor({ timeout: 30_000 });
    }
    await page.goto("/hosts");
    for (const host of ["hv-a", "hv-b"]) {
      await waitForStatus(page, host, "Connected");
      const row = hostRow(page, host);
      expect(await row.locator('[data-column="libvirt"]').innerText()).toBe("9.0.0");
      expect(await row.locator('[data-column="qemu"]').innerText()).toMatch(/^\d+\.\d+/);
      expect(Number(await row.locator('[data-column="networks"]').innerText())).toBeGreaterThan(0);
      expect(await row.locator('[data-column="vms"]').innerText()).toMatch(/^\d+$/);
      expect(await row.locator('[data-column="last-seen"]').innerText()).toMatch(/just now|second|minute/);
    }
  });

  it("the host page summarises a host and links to its networks, topology, interfaces and VMs", async () => {
    const page = t.page;
    await signIn(page);
    await page.goto("/hosts/hv-b");
    await page.getByRole("heading", { name: "hv-b", level: 1 }).waitFor();
    const summary = page.getByRole("region", { name: "Summary" });
    expect(await summary.innerText()).toContain(labHost("hv-b").hostKeyFingerprint!);
    expect(await summary.innerText()).toContain("Password");
    for (const [label, href] of [["Virtual Networks", "/hosts/hv-b/networks"], ["Topology", "/hosts/hv-b/topology"], ["Interfaces", "/hosts/hv-b/interfaces"], ["VMs", "/hosts/hv-b/vms"]]) {
      const pages = page.getByRole("list", { name: "hv-b pages" });
      expect(await pages.getByRole("link", { name: label, exact: true }).getAttribute("href")).toBe(href);
    }
    await summary.getByText("Connected", { exact: true }).waitFor({ timeout: 30_000 });
    // The stored password never comes back to the browser.
    expect(await page.content()).not.toContain(labHost("hv-b").password);
  });
});
