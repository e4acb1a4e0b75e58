import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { defineNetwork, ready, removeNetwork } from "../networks/support";
import { nodeEl, openTopology } from "./support";

// libvirt accepts markup in a network name; defined out of band, it must be
// drawn and shown as those characters, never parsed as HTML.

const HOST = "hv-b";
const HOSTILE = "<img src=x onerror=alert(1)>";

beforeAll(() => defineNetwork(HOST, HOSTILE, "sy-topo-hx0", "10.230.77"));
afterAll(() => removeNetwork(HOST, HOSTILE));

describe("a hostile network name in the topology", () => {
  const t = usePage();

  it("renders as text in the graph and in the side panel", async () => {
    const alerts: string[] = [];
    t.page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await ready(t.page);
    await openTopology(t.page, HOST);
    const node = nodeEl(t.page, "Network", HOSTILE);
    await node.waitFor({ timeout: 30_000 });
    await expect(node.getByTestId("topology-node-label").innerText()).resolves.toBe(HOSTILE);
    await node.click();
    const panel = t.page.getByRole("complementary", { name: "Node details" });
    await expect(panel.getByTestId("side-panel-title").innerText()).resolves.toBe(HOSTILE);
    await expect(panel.getByRole("link", { name: `Open network ${HOSTILE}` }).getAttribute("href")).resolves.toBe(
      `/hosts/${HOST}/networks/${encodeURIComponent(HOSTILE)}`,
    );
    expect(await t.page.locator("img").count()).toBe(0);
    expect(alerts).toEqual([]);
  });
});
