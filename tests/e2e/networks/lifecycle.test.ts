import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { defineNetwork, ready, removeNetwork, uuidsOn } from "./support";

// Start, autostart, stop and delete through the UI's plan → confirm → apply
// flow, each checked with virsh on hv-a.
const HOST = "hv-a";
const NAME = "sy-net-e2e-life";

afterAll(() => removeNetwork(HOST, NAME));

async function openNetwork(page: Page, name: string) {
  await page.goto(`/hosts/${HOST}/networks/${encodeURIComponent(name)}`);
  await page.getByRole("tablist", { name: "Network details" }).waitFor();
}

async function applyChange(page: Page, button: string, typed?: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (typed !== undefined) await dialog.getByLabel("Type the network's name to confirm").fill(typed);
  await dialog.getByRole("button", { name: "Apply" }).click();
  await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 30_000 });
  return dialog;
}

describe("network lifecycle in the browser", () => {
  const t = usePage();

  it("starts, toggles autostart and stops a network; the plan shows the argv with the UUID", async () => {
    const uuid = await defineNetwork(HOST, NAME, "sy-net-el0", "10.230.11");
    await ready(t.page);
    await openNetwork(t.page, NAME);
    await t.page.getByRole("button", { name: "Start", exact: true }).click();
    const dialog = t.page.getByRole("dialog");
    const argv = JSON.parse((await dialog.locator("code[data-argv]").first().getAttribute("data-argv"))!);
    expect(argv).toEqual(["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-start", "--", uuid]);
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 30_000 });
    expect(await dialog.locator("[data-step='0']").getAttribute("data-status")).toBe("done");
    expect(await uuidsOn(HOST, ["net-list"])).toContain(uuid);
    await dialog.getByRole("button", { name: "Close" }).click();

    await t.page.getByLabel("Autostart at boot").click();
    await t.page.getByRole("dialog").getByRole("button", { name: "Apply" }).click();
    await t.page.getByRole("dialog").getByText("Applied.").waitFor({ timeout: 30_000 });
    expect(await uuidsOn(HOST, ["net-list", "--all", "--autostart"])).toContain(uuid);
    await t.page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await expect.poll(() => t.page.getByLabel("Autostart at boot").isChecked()).toBe(true);

    await t.page.getByLabel("Autostart at boot").click();
    await t.page.getByRole("dialog").getByRole("button", { name: "Apply" }).click();
    await t.page.getByRole("dialog").getByText("Applied.").waitFor({ timeout: 30_000 });
    expect(await uuidsOn(HOST, ["net-list", "--all", "--autostart"])).not.toContain(uuid);
    await t.page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

    await t.page.getByRole("button", { name: "Stop", exact: true }).waitFor();
    await applyChange(t.page, "Stop");
    expect(await uuidsOn(HOST, ["net-list"])).not.toContain(uuid);
    expect(await uuidsOn(HOST, ["net-list", "--all"])).toContain(uuid);
  });

  it("Stop on default lists the running VMs attached before anything runs", async () => {
    await ready(t.page);
    await openNetwork(t.page, "default");
    await t.page.getByRole("button", { name: "Stop", exact: true }).click();
    const notes = t.page.getByRole("dialog").getByRole("list", { name: "Before you confirm" });
    expect(await notes.innerText()).toMatch(/2 running VMs attached: db1 \(running\), web1 \(running\)/);
    await t.page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    const def = (await labVirsh(HOST, ["net-uuid", "default"])).stdout.trim();
    expect(await uuidsOn(HOST, ["net-list"])).toContain(def);
  });

  it("Delete lists attached VMs, asks for the typed name, then destroys and undefines by UUID", async () => {
    const uuid = await defineNetwork(HOST, NAME, "sy-net-el0", "10.230.11");
    await labVirsh(HOST, ["net-start", uuid]);
    await ready(t.page);
    await openNetwork(t.page, "default");
    await t.page.getByRole("button", { name: "Delete", exact: true }).click();
    expect(await t.page.getByRole("dialog").getByRole("list", { name: "Before you confirm" }).innerText()).toMatch(/db1.*web1/);
    await t.page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

    await openNetwork(t.page, NAME);
    await t.page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = t.page.getByRole("dialog");
    expect(await dialog.getByRole("list", { name: "Before you confirm" }).innerText()).toMatch(/No VM is attached/);
    const argvs = await dialog.locator("code[data-argv]").evaluateAll((els) => els.map((e) => JSON.parse(e.getAttribute("data-argv")!)));
    expect(argvs.map((a: string[]) => [a[5], a.at(-1)])).toEqual([["net-destroy", uuid], ["net-undefine", uuid]]);
    const apply = dialog.getByRole("button", { name: "Apply" });
    expect(await apply.isDisabled()).toBe(true);
    await dialog.getByLabel("Type the network's name to confirm").fill(`${NAME} `);
    expect(await apply.isDisabled()).toBe(true);
    await dialog.getByLabel("Type the network's name to confirm").fill(NAME);
    await apply.click();
    await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 30_000 });
    expect(await uuidsOn(HOST, ["net-list", "--all"])).not.toContain(uuid);
    await dialog.getByRole("button", { name: "Close" }).click();
    await t.page.waitForURL((url) => url.pathname === `/hosts/${HOST}/networks`);
  });
});
