import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labHost, labRoot, rekey, restoreKey, sshdLogPath } from "@/lab";
import { HOST_STATUS_POLICY } from "@/lib/hosts/shared-checks";
import { signIn, usePage } from "../support/browser";
import { addHostForm, hostRow, removeHostIfPresent, trustHostKey, waitForStatus } from "./hosts-ui";

// The lab is shared, so hv-a's sshd log also shows other suites' logins. This
// test logs in with a key pair of its own (made by "Generate key pair"), so its
// sessions can be told apart in the log by that key's fingerprint.
const NAME = "hv-a-rekey";
// The server reuses a host's status for a moment (one check for many viewers):
// a key changed behind its back shows once that answer is no longer fresh.
const outlastFreshStatus = () => new Promise((r) => setTimeout(r, HOST_STATUS_POLICY.freshMs + 100));
const authorizedKeys = () => path.join(labRoot(), ".lab", "hv-a", "sshd", "authorized_keys");
const fingerprintOf = (publicLine: string) =>
  `SHA256:${createHash("sha256").update(Buffer.from(publicLine.split(" ")[1]!, "base64")).digest("base64").replace(/=+$/, "")}`;

/** Log lines since `offset` that show our key logging in, or a session on a connection it opened. */
function oursSince(offset: number, clientKey: string): string[] {
  const log = readFileSync(sshdLogPath("hv-a"), "utf8");
  const accepted = new RegExp(`Accepted publickey for \\S+ from \\S+ port (\\d+) ssh2: ED25519 ${clientKey.replace(/[+/]/g, "\\$&")}`);
  const ports = new Set(log.split("\n").map((l) => l.match(accepted)?.[1]).filter(Boolean));
  const after = readFileSync(sshdLogPath("hv-a")).subarray(offset).toString("utf8").split("\n");
  return after.filter((l) => accepted.test(l) || [...ports].some((p) => l.startsWith("Starting session") && l.includes(` port ${p} `)));
}

describe("a changed host key (test 2)", () => {
  const t = usePage();

  it("shows Host key changed with both fingerprints, runs nothing, and needs an admin to re-pin", async () => {
    const page = t.page;
    const original = labHost("hv-a").hostKeyFingerprint!;
    const keysBefore = readFileSync(authorizedKeys(), "utf8");
    await signIn(page);
    await removeHostIfPresent(page, NAME);
    try {
      const form = addHostForm(page);
      await form.getByLabel("Name", { exact: true }).fill(NAME);
      await form.getByLabel("Address", { exact: true }).fill(labHost("hv-a").address);
      await form.getByLabel("Username", { exact: true }).fill("root");
      await form.getByRole("button", { name: "Generate key pair" }).click();
      const publicLine = await form.getByLabel(/Public key/).inputValue();
      appendFileSync(authorizedKeys(), `${publicLine}\n`);
      await form.getByRole("button", { name: "Add host" }).click();
      await trustHostKey(page);
      await form.getByRole("status").getByText(`${NAME} was added`).waitFor({ timeout: 30_000 });
      await waitForStatus(page, NAME, "Connected");

      const offset = statSync(sshdLogPath("hv-a")).size;
      const rekeyed = await rekey("hv-a");
      await outlastFreshStatus();
      await page.goto("/hosts");
      await waitForStatus(page, NAME, "Host key changed");
      const row = hostRow(page, NAME);
      expect(await row.getByTestId("pinned-fingerprint").innerText()).toBe(original);
      expect(await row.getByTestId("offered-fingerprint").innerText()).toBe(rekeyed);
      await page.reload();
      await waitForStatus(page, NAME, "Host key changed");
      // Nothing ran: no login with our key, no session on our earlier connection.
      expect(oursSince(offset, fingerprintOf(publicLine))).toEqual([]);

      // The admin trusts the new key; the host connects again.
      await row.getByRole("button", { name: `Trust the new host key of ${NAME}` }).click();
      await waitForStatus(page, NAME, "Connected");

      // The original key comes back: changed again, re-pinned again.
      await restoreKey("hv-a");
      await outlastFreshStatus();
      await page.goto("/hosts");
      await waitForStatus(page, NAME, "Host key changed");
      expect(await row.getByTestId("pinned-fingerprint").innerText()).toBe(rekeyed);
      expect(await row.getByTestId("offered-fingerprint").innerText()).toBe(original);
      await row.getByRole("button", { name: `Trust the new host key of ${NAME}` }).click();
      await waitForStatus(page, NAME, "Connected");
    } finally {
      await restoreKey("hv-a");
      writeFileSync(authorizedKeys(), keysBefore);
    }

    // Both re-pins are in the audit log.
    await page.goto("/audit");
    const audit = await page.locator("main").innerText();
    expect(audit.match(/host\.repin/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
