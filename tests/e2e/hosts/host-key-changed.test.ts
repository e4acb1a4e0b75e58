import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { labHost, rekey, restoreKey, sshdLogPath } from "@/lab";
import { signIn, usePage } from "../support/browser";
import { ensureLabHosts, hostRow, waitForStatus } from "./hosts-ui";

/** What sshd logged after `offset`: VERBOSE logs every login and every session a command runs in. */
const logSince = (host: string, offset: number) => readFileSync(sshdLogPath(host)).subarray(offset).toString("utf8");

describe("a changed host key (test 2)", () => {
  const t = usePage();

  it("shows Host key changed with both fingerprints, runs nothing, and needs an admin to re-pin", async () => {
    const page = t.page;
    const original = labHost("hv-a").hostKeyFingerprint!;
    await signIn(page);
    await ensureLabHosts(page);
    try {
      const offset = statSync(sshdLogPath("hv-a")).size;
      const rekeyed = await rekey("hv-a");
      await page.goto("/hosts");
      await waitForStatus(page, "hv-a", "Host key changed");
      const row = hostRow(page, "hv-a");
      expect(await row.getByTestId("pinned-fingerprint").innerText()).toBe(original);
      expect(await row.getByTestId("offered-fingerprint").innerText()).toBe(rekeyed);
      await waitForStatus(page, "hv-b", "Connected"); // the others carry on

      // Nothing ran on hv-a: no login, no session since the key changed.
      const log = logSince("hv-a", offset);
      expect(log).not.toMatch(/Accepted (publickey|password)/);
      expect(log).not.toMatch(/Starting session/);

      // The admin trusts the new key; the host connects again.
      await row.getByRole("button", { name: "Trust the new host key of hv-a" }).click();
      await waitForStatus(page, "hv-a", "Connected");

      // The original key comes back: changed again, re-pinned again.
      await restoreKey("hv-a");
      await page.goto("/hosts");
      await waitForStatus(page, "hv-a", "Host key changed");
      expect(await row.getByTestId("pinned-fingerprint").innerText()).toBe(rekeyed);
      expect(await row.getByTestId("offered-fingerprint").innerText()).toBe(original);
      await row.getByRole("button", { name: "Trust the new host key of hv-a" }).click();
      await waitForStatus(page, "hv-a", "Connected");
    } finally {
      await restoreKey("hv-a");
    }

    // Both re-pins are in the audit log.
    await page.goto("/audit");
    const audit = await page.locator("main").innerText();
    expect(audit.match(/host\.repin/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
