import { afterAll, describe, expect, it } from "vitest";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { edgeEl, openTopology, tapsOf, transformOf } from "./support";

// A NIC hot-added behind Switchyard's back (virsh inside the lab host) shows
// up as a new edge through the live event stream, without a reload, while the
// nodes already on screen stay exactly where they were. The guest is
// transient and destroyed afterwards: a hot-added NIC cannot be unplugged
// from a guest with no OS, so web1 is left alone.

const HOST = "hv-a";
const VM = "sy-topo-e2e";
const XML = `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>
<os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/></features><devices>
<interface type='network'><source network='default'/><model type='virtio'/><rom enabled='no'/></interface>
</devices></domain>`;

afterAll(async () => {
  await labVirsh(HOST, ["destroy", VM]);
});

describe("live topology", () => {
  const t = usePage();

  it("shows a NIC attached with virsh as a new edge without a reload, and nothing moves", async () => {
    await labVirsh(HOST, ["destroy", VM]);
    const created = await labVirsh(HOST, ["create", "/dev/stdin"], { stdin: XML });
    expect(created.code, created.stderr).toBe(0);
    const [firstTap] = await tapsOf(HOST, VM);

    await ready(t.page);
    await openTopology(t.page, HOST);
    await edgeEl(t.page, VM, firstTap!).waitFor({ state: "attached", timeout: 30_000 });
    await t.page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
    await t.page.evaluate(() => ((window as unknown as { __topoMarker: string }).__topoMarker = "same document"));
    const before = { web1: await transformOf(t.page, "VM", "web1"), net: await transformOf(t.page, "Network", "default"), vm: await transformOf(t.page, "VM", VM) };

    const attached = await labVirsh(HOST, ["attach-interface", VM, "network", "default", "--model", "virtio", "--live"]);
    expect(attached.code, attached.stderr).toBe(0);
    const newTap = (await tapsOf(HOST, VM)).find((tap) => tap !== firstTap)!;
    expect(newTap).toMatch(/^vnet\d+$/);

    await edgeEl(t.page, VM, newTap).waitFor({ state: "attached", timeout: 20_000 });
    await edgeEl(t.page, newTap, "default").waitFor({ state: "attached", timeout: 20_000 });
    expect(await t.page.evaluate(() => (window as unknown as { __topoMarker?: string }).__topoMarker)).toBe("same document");
    expect({ web1: await transformOf(t.page, "VM", "web1"), net: await transformOf(t.page, "Network", "default"), vm: await transformOf(t.page, "VM", VM) }).toEqual(before);
  });
});
