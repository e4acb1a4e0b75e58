import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { signIn } from "@/lib/auth/sign-in";
import { addUser, setUserRole } from "@/lib/auth/users";
import { describeEachBackend } from "./backends";

const admin: Operator = { id: "00000000-0000-4000-8000-0000000000aa", username: "alice", role: "admin" };

describeEachBackend("audit log", () => {
  it("records a sample mutation: who, when, action, target and result", async () => {
    const before = Date.now();
    const added = await addUser(admin, { username: "bob", password: "bob password 1", role: "viewer" });
    if (!added.ok) throw new Error(added.message);
    await setUserRole(admin, added.data.id, "operator");
    const { rows } = await listAudit();
    expect(rows.slice(0, 2).map((r) => [r.actorUsername, r.action, r.target, r.result])).toEqual([
      ["alice", "user.set-role", "bob", "ok"],
      ["alice", "user.add", "bob", "ok"],
    ]);
    expect(rows[0]!.actorId).toBe(admin.id);
    expect(rows[0]!.detail).toBe("viewer → operator");
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(JSON.stringify(rows)).not.toContain("bob password 1");
  });

  it("keeps the host, the exact argv of every command and the XML, and failed results", async () => {
    const argv = [
      ["virsh", "-c", "qemu:///system", "net-define", "/dev/stdin"],
      ["virsh", "net-start", "--network", "it's a \"name\"; $(x)"],
    ];
    const xml = "<network><name>lab &amp; more</name></network>";
    await recordAudit({ actor: admin, hostId: "11111111-1111-4111-8111-111111111111", hostName: "hv-a", action: "network.create", target: "lab", commands: argv, xml, result: "failed", detail: "error: network 'lab' already exists" });
    const [latest] = (await listAudit()).rows;
    expect(latest).toMatchObject({ hostName: "hv-a", action: "network.create", target: "lab", commands: argv, xml, result: "failed", detail: "error: network 'lab' already exists" });
  });

  it("records sign-ins and failed attempts with the address, never the password", async () => {
    expect((await addUser(admin, { username: "carol", password: "carol password 1", role: "viewer" })).ok).toBe(true);
    expect((await signIn({ username: "carol", password: "not it" }, "192.0.2.10")).ok).toBe(false);
    expect((await signIn({ username: "carol", password: "carol password 1" }, "192.0.2.11")).ok).toBe(true);
    const [success, failure] = (await listAudit()).rows;
    expect([success!.actorUsername, success!.action, success!.target, success!.result, success!.detail]).toEqual(["carol", "session.sign-in", "carol", "ok", "from 192.0.2.11"]);
    expect(success!.actorId).not.toBeNull();
    expect([failure!.actorUsername, failure!.action, failure!.target, failure!.result, failure!.detail]).toEqual(["anonymous", "session.sign-in", "carol", "failed", "wrong username or password, from 192.0.2.10"]);
    expect(JSON.stringify([success, failure])).not.toContain("not it");
  });

  it("filters: sign-ins apart from changes, and failures only", async () => {
    await recordAudit({ actor: admin, action: "network.start", target: "lab", commands: [["virsh", "net-start", "lab"]], result: "rolled-back" });
    await signIn({ username: "nobody", password: "x" }, "192.0.2.12");
    const signIns = (await listAudit(1, { show: "sign-ins", failedOnly: false })).rows;
    const changes = (await listAudit(1, { show: "changes", failedOnly: false })).rows;
    const failedChanges = await listAudit(1, { show: "changes", failedOnly: true });
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((r) => r.action === "session.sign-in")).toBe(true);
    expect(changes.some((r) => r.action === "network.start") && changes.every((r) => !r.action.startsWith("session."))).toBe(true);
    expect(failedChanges.rows.every((r) => r.result !== "ok" && !r.action.startsWith("session."))).toBe(true);
    expect(failedChanges.rows[0]).toMatchObject({ action: "network.start", result: "rolled-back" });
    expect(failedChanges.total).toBe(failedChanges.rows.length);
  });
});
