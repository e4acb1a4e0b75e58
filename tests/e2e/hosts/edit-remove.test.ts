import { describe, expect, it } from "vitest";
import { signIn, usePage } from "../support/browser";
import { addLabHost, fillHostForm, hostRow, labFields, removeHostIfPresent, waitForStatus } from "./hosts-ui";

// Edit and Remove as an admin does them, on a host of this file's own (hv-b
// under other names), so the hosts the other files use are never touched.
// Leftovers of an earlier run are removed first (each test has its own page).
const FIRST = "sy-edit-host";
const RENAMED = "sy-edited-host";

describe("editing and removing a host", () => {
  const t = usePage();

  it("edits name and credentials (password → root's key) after the key check, keeping the pinned key", async () => {
    const page = t.page;
    await signIn(page);
    await removeHostIfPresent(page, FIRST);
    await removeHostIfPresent(page, RENAMED);
    const added = await addLabHost(page, labFields("hv-b", "operator-password", FIRST));
    await waitForStatus(page, FIRST, "Connected");

    await page.goto(`/hosts/${FIRST}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: `Edit ${FIRST}` });
    await fillHostForm(form, labFields("hv-b", "root-key", RENAMED));
    await form.getByRole("button", { name: "Check host key" }).click();
    // The same host key as when it was added: shown again, and still the one pinned.
    await expect(form.getByTestId("host-key-fingerprint").innerText()).resolves.toBe(added.fingerprint);
    await form.getByRole("button", { name: "Trust this host key" }).click();

    await page.waitForURL((url) => url.pathname === `/hosts/${RENAMED}`);
    const details = await page.locator("main").innerText();
    expect(details).toContain("root");
    expect(details).toContain("SSH key");
    expect(details).toContain(added.fingerprint);
    await page.goto("/hosts");
    expect(await hostRow(page, FIRST).count()).toBe(0);
    await waitForStatus(page, RENAMED, "Connected");
  });

  it("asks before removing; Cancel keeps the host, Remove forgets it and says so in the audit log", async () => {
    const page = t.page;
    await signIn(page);
    await page.goto(`/hosts/${RENAMED}`);
    await page.getByRole("button", { name: "Remove", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.innerText()).resolves.toContain("nothing changes on the host");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("alertdialog").count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Remove", exact: true }).click();
    await page.getByRole("button", { name: `Remove ${RENAMED}` }).click();
    await page.waitForURL((url) => url.pathname === "/hosts");
    await hostRow(page, RENAMED).waitFor({ state: "detached" });
    const gone = await page.goto(`/hosts/${RENAMED}`);
    expect(gone?.status()).toBe(404);

    await page.goto("/audit?show=changes");
    const log = await page.locator("main").innerText();
    expect(log).toMatch(new RegExp(`host\\.remove\\s+${RENAMED}`));
    expect(log).toMatch(new RegExp(`host\\.edit\\s+(${FIRST}|${RENAMED})`));
  });
});
