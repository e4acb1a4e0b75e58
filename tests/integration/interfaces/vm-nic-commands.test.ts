import { afterAll, describe, expect, it } from "vitest";
import { labHost, labVirsh } from "@/lab";
import type { SshTarget } from "@/lib/ssh";
import { sshRunner } from "@/lib/changes/apply";
import { attachPlan, detachPlan } from "@/lib/libvirt/interfaces/vm-nic-plans";
import { labTarget } from "../libvirt/lab-target";

// The macvtap plans' commands over real SSH, as root and as the unprivileged
// libvirt-group operator: attach-device with the XML on stdin, then the
// two-step removal. The guest has no OS, so its live unplug stays pending.
const MAC = "52:54:00:5e:7f:01";
const host = { id: "lab", name: "hv-b" };

function operatorTarget(): SshTarget {
  const h = labHost("hv-b");
  return { ...labTarget("hv-b"), id: "lab-hv-b-operator", username: h.passwordUser, auth: { kind: "password", password: h.password } };
}

async function web1() {
  const uuid = (await labVirsh("hv-b", ["domuuid", "--", "web1"])).stdout.trim();
  return { uuid, name: "web1", state: "running" as const };
}

afterAll(async () => {
  await labVirsh("hv-b", ["detach-interface", "--mac", MAC, "--config", "--", "web1", "direct"]);
  if ((await labVirsh("hv-b", ["domiflist", "--", "web1"])).stdout.includes(MAC)) {
    await labVirsh("hv-b", ["destroy", "--", "web1"]);
    await labVirsh("hv-b", ["start", "--", "web1"]);
  }
});

describe("macvtap attach and removal over SSH as the operator", () => {
  it("attaches in bridge mode and removes it from the definition; the live part is only requested", async () => {
    const vm = await web1();
    const run = sshRunner(operatorTarget());
    for (const step of attachPlan(host, vm, { kind: "direct", dev: "eth2", mode: "bridge" }, "virtio", MAC).steps) await run(step);
    expect((await labVirsh("hv-b", ["domiflist", "--", "web1"])).stdout).toContain(MAC);
    const nic = { type: "direct", sourceDev: "eth2", sourceMode: "bridge", mac: MAC, model: "virtio", linkState: "up" as const };
    for (const step of detachPlan(host, vm, MAC, "direct", nic, true).steps) await run(step);
    expect((await labVirsh("hv-b", ["dumpxml", "--inactive", "--", "web1"])).stdout).not.toContain(MAC);
  });
});
