import { randomBytes } from "node:crypto";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callAction, findAction, sessionCookie } from "../auth/http-client";
import { addUserInBrowser } from "../auth/users-ui";
import { signIn, usePage } from "../support/browser";
import { ensureLabHosts, hostRow, labFields, waitForStatus } from "./hosts-ui";

const MUTATIONS = ["probeHostKey", "probeEditedHostKey", "addHost", "editHost", "removeHost", "repinHostKey", "generateKeyPair"];

describe("viewers (test 7)", () => {
  const t = usePage();
  const viewer = `viewer-${randomBytes(3).toString("hex")}`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;

  it("a viewer sees the host list but no Add, Edit or Remove", async () => {
    const page = t.page;
    await signIn(page);
    await ensureLabHosts(page);
    await addUserInBrowser(page, viewer, password, "viewer");
    await page.context().clearCookies();
    await signIn(page, viewer, password);
    await page.goto("/hosts");
    await waitForStatus(page, "hv-a", "Connected");
    expect(await hostRow(page, "hv-b").count()).toBe(1);
    expect(await page.getByRole("form", { name: "Add host" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add host" }).count()).toBe(0);
    await page.goto("/hosts/hv-a");
    await page.getByRole("heading", { name: "hv-a", level: 1 }).waitFor();
    expect(await page.getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Remove" }).count()).toBe(0);
    // Nor a way into the wizard, which is for operators.
    await page.goto("/hosts/hv-a/networks");
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("link", { name: "Create network" }).count()).toBe(0);
    await page.goto("/networks");
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("form", { name: "Create a network" }).count()).toBe(0);
  });

  it("every host mutation refuses a viewer's direct call, and nothing changes", async () => {
    const cookie = await sessionCookie(viewer, password);
    const form = { ...labFields("hv-b", "operator-password", "viewer-made"), authKind: "password" };
    const inputs: Record<string, unknown[]> = {
      probeHostKey: [form],
      probeEditedHostKey: [{ hostId: randomUUID(), endpoint: form }],
      addHost: [{ form, keyType: "ssh-ed25519", fingerprint: `SHA256:${"A".repeat(43)}` }],
      editHost: [{ hostId: randomUUID(), form, keyType: "ssh-ed25519", fingerprint: `SHA256:${"A".repeat(43)}` }],
      removeHost: [{ hostId: randomUUID() }],
      repinHostKey: [{ hostId: randomUUID(), fingerprint: `SHA256:${"A".repeat(43)}` }],
      generateKeyPair: [],
    };
    for (const name of MUTATIONS) {
      const reply = await callAction(findAction("app/hosts/actions.ts", name), inputs[name]!, cookie);
      expect(reply.text, name).toContain('"code":"forbidden"');
    }
    const page = t.page;
    await signIn(page);
    await page.goto("/hosts");
    expect(await hostRow(page, "viewer-made").count()).toBe(0);
  });
});
