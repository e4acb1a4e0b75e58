import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { labHost, labRoot } from "@/lab";

// Driving the hosts pages the way an admin does, by the labels on screen.

export type Login = "root-key" | "operator-password" | "outsider-password";
export type HostFields = { name: string; address: string; port?: number; username: string } & (
  | { auth: "key"; privateKey?: string }
  | { auth: "password"; password: string }
);

/** The form an operator would fill in for a lab host. */
export function labFields(host: string, login: Login, name = host): HostFields {
  const h = labHost(host);
  const base = { name, address: h.address, port: h.port };
  if (login === "root-key") return { ...base, username: h.user, auth: "key", privateKey: readFileSync(path.join(labRoot(), h.privateKeyPath), "utf8") };
  if (login === "operator-password") return { ...base, username: h.passwordUser, auth: "password", password: h.password };
  return { ...base, username: h.outsiderUser, auth: "password", password: h.outsiderPassword };
}

export const addHostForm = (page: Page) => page.getByRole("form", { name: "Add host" });

export async function fillHostForm(form: Locator, fields: HostFields) {
  await form.getByLabel("Name", { exact: true }).fill(fields.name);
  await form.getByLabel("Address", { exact: true }).fill(fields.address);
  await form.getByLabel("Port", { exact: true }).fill(String(fields.port ?? 22));
  await form.getByLabel("Username", { exact: true }).fill(fields.username);
  await form.getByLabel("Authentication", { exact: true }).selectOption(fields.auth === "key" ? "SSH key" : "Password");
  if (fields.auth === "password") await form.getByLabel("SSH password", { exact: true }).fill(fields.password);
  else if (fields.privateKey !== undefined) await form.getByLabel("Private key", { exact: true }).fill(fields.privateKey);
}

/** "Add host", then waits for the key to trust; returns the fingerprint the page shows. */
export async function requestHostKey(page: Page, fields: HostFields): Promise<{ keyType: string; fingerprint: string }> {
  await page.goto("/hosts");
  const form = addHostForm(page);
  await fillHostForm(form, fields);
  await form.getByRole("button", { name: "Add host" }).click();
  const fingerprint = form.getByTestId("host-key-fingerprint");
  await fingerprint.waitFor();
  return { keyType: (await form.getByTestId("host-key-type").innerText()).trim(), fingerprint: (await fingerprint.innerText()).trim() };
}

export async function trustHostKey(page: Page) {
  await addHostForm(page).getByRole("button", { name: "Trust this host key" }).click();
}

/** The host list row of one host. */
export const hostRow = (page: Page, name: string) => page.locator(`tr[data-host="${name}"]`);

/** Waits until the row's status badge reads `label` (rows fill in as their hosts answer). */
export async function waitForStatus(page: Page, name: string, label: string, timeout = 30_000) {
  const row = hostRow(page, name);
  try {
    await row.locator('[data-column="status"]').getByText(label, { exact: true }).waitFor({ timeout });
  } catch (error) {
    const shown = await row.innerText().catch(() => "(no such row)");
    throw new Error(`${name} did not show "${label}" within ${timeout} ms; its row reads: ${shown}`, { cause: error });
  }
}

export async function hostNames(page: Page): Promise<string[]> {
  return page.locator("tr[data-host]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-host") ?? ""));
}

/** Removes a host through its page, if it is there (files share one server). */
export async function removeHostIfPresent(page: Page, name: string) {
  await page.goto("/hosts");
  if ((await hostRow(page, name).count()) === 0) return;
  await page.goto(`/hosts/${name}`);
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await page.waitForURL((url) => url.pathname === "/hosts");
  await hostRow(page, name).waitFor({ state: "detached" });
}

/** Adds a lab host through the form (key trusted as shown); the caller checks the outcome. */
export async function addLabHost(page: Page, fields: HostFields) {
  const key = await requestHostKey(page, fields);
  await trustHostKey(page);
  return key;
}

/** Makes sure hv-a (key) and hv-b (password) are registered and trusted, as test 1 leaves them. */
export async function ensureLabHosts(page: Page) {
  await page.goto("/hosts");
  for (const [host, login] of [["hv-a", "root-key"], ["hv-b", "operator-password"]] as const) {
    if ((await hostRow(page, host).count()) > 0) continue;
    await addLabHost(page, labFields(host, login));
    await hostRow(page, host).waitFor();
  }
}
