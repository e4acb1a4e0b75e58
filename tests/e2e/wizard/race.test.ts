import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { baseURL, signIn, usePage } from "../support/browser";
import { ready } from "../networks/support";
import { readReview, removeNetwork, walkWizard } from "./support";

// Two operators finish the same name at the same moment: exactly one network
// exists afterwards (the winner's UUID), the other operator sees libvirt's
// "already exists", and nothing of the winner's was touched by the loser.
const HOST = "hv-b";
const NAME = "sy-wiz-race";

afterAll(() => removeNetwork(HOST, NAME));

type Outcome = { page: Page; uuid: string; landed: boolean };

async function outcome(page: Page): Promise<boolean> {
  const failed = page.getByRole("region", { name: "Progress" }).getByTestId("libvirt-message");
  for (let deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (new URL(page.url()).pathname === `/hosts/${HOST}/networks/${NAME}`) return true;
    if (await failed.isVisible()) return false;
    await page.waitForTimeout(200);
  }
  throw new Error("neither landed nor failed");
}

describe("same name, same moment", () => {
  const t = usePage();

  it("gives exactly one network; the other operator sees 'already exists' and its rollback touches nothing", async () => {
    await removeNetwork(HOST, NAME);
    const other = await t.context.browser()!.newContext({ baseURL: baseURL(), viewport: { width: 1400, height: 900 } });
    try {
      const second = await other.newPage();
      await ready(t.page);
      await signIn(second);
      // Different subnets, so only the name collides.
      await walkWizard(t.page, HOST, { name: NAME, network: "10.250.7.0/24", kind: "forward", mode: "NAT" });
      await walkWizard(second, HOST, { name: NAME, network: "10.250.17.0/24", kind: "isolated" });
      const pages = [t.page, second];
      const uuids = await Promise.all(pages.map(async (p) => (await readReview(p)).argv[1]!.at(-1)!));
      await Promise.all(pages.map((p) => p.getByRole("button", { name: "Finish", exact: true }).click()));
      const landed = await Promise.all(pages.map(outcome));
      const results: Outcome[] = pages.map((page, i) => ({ page, uuid: uuids[i]!, landed: landed[i]! }));
      const winners = results.filter((r) => r.landed);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!;
      const loser = results.find((r) => !r.landed)!;
      const progress = loser.page.getByRole("region", { name: "Progress" });
      expect(await progress.getByTestId("libvirt-message").innerText()).toMatch(/already exists/);
      expect(await progress.locator("[data-step='0']").getAttribute("data-status")).toBe("failed");
      expect(await progress.locator("[data-step='1']").getAttribute("data-status")).toBe("pending");
      const uuidsOnHost = (await labVirsh(HOST, ["net-list", "--all", "--uuid"])).stdout;
      expect(uuidsOnHost).toContain(winner.uuid);
      expect(uuidsOnHost).not.toContain(loser.uuid);
      expect((await labVirsh(HOST, ["net-uuid", "--", NAME])).stdout.trim()).toBe(winner.uuid);
      expect((await labVirsh(HOST, ["net-info", "--", NAME])).stdout).toMatch(/Active:\s+yes/);
    } finally {
      await other.close();
    }
  });
});
