import { describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { useSeededServer } from "../support/seeded-server";

// The fleet page on a server whose store the demo seed filled (hv-a, hv-b and
// the dead hv-down): the live hosts' rows come first, hv-down becomes an
// error row once its own read times out.
describe("fleet networks with a dead host", () => {
  const t = usePage();
  const seeded = useSeededServer("fleet");

  it("shows hv-a and hv-b while hv-down is still loading, then an error row for hv-down", async () => {
    const page = t.page;
    await seeded.signIn(page);
    const started = Date.now();
    await page.goto(`${seeded.server.baseURL}/networks`);
    const table = page.getByRole("table");
    for (const host of ["hv-a", "hv-b"]) await table.locator("tr[data-uuid] td:first-child", { hasText: host }).first().waitFor({ timeout: 30_000 });
    const down = table.locator('tr[data-host-status="hv-down"]');
    expect(await down.innerText()).toContain("Loading");
    await down.getByRole("alert").waitFor({ timeout: 60_000 });
    expect(await down.innerText()).toMatch(/Error: .*(unreachable|did not finish|timed out)/i);
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });
});
