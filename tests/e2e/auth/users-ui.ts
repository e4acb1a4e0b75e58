import type { Page } from "playwright-core";

/** Adds a user through the Users page form, as an admin would. */
export async function addUserInBrowser(page: Page, username: string, password: string, role: "viewer" | "operator" | "admin") {
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Add user" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password").fill(password);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Add user" }).click();
  await page.getByRole("cell", { name: username, exact: true }).waitFor();
}
