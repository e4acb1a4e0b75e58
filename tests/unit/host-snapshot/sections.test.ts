import { describe, expect, it } from "vitest";
import { splitSections, uuidList, xmlDocument } from "@/lib/domain/host/snapshot-sections";
import { parseSnapshotOutput } from "@/lib/domain/host/snapshot-parse";

const N = "00112233445566778899aabbccddeeff";
const U1 = "11111111-2222-4333-8444-555555555555";

describe("framing", () => {
  it("splits at markers only, wherever virsh's prompt leaves them", () => {
    const out = `banner\nvirsh # echo "${N}""|nets"\n${N}|nets\nvirsh # net-list\n${U1}\n\nvirsh # ${N}|net-xml ${U1}\nvirsh # net-dumpxml x\n<network><name>a</name></network>\n`;
    const sections = splitSections(out, N);
    expect(sections.map((s) => [s.kind, s.arg])).toEqual([["nets", ""], ["net-xml", U1]]);
    expect(uuidList(sections[0]!.body)).toEqual([U1]);
    expect(xmlDocument(sections[1]!.body, "network")).toBe("<network><name>a</name></network>");
  });

  it("cannot be forged by a name: another nonce is just text", () => {
    const forged = `${"f".repeat(32)}|net-xml ${U1}`;
    const out = `${N}|nets\n${U1}\n${N}|net-xml ${U1}\n<network><name>${forged}</name></network>\n${N}|done\n`;
    expect(splitSections(out, N).map((s) => s.kind)).toEqual(["nets", "net-xml", "done"]);
  });

  it("refuses a short nonce, which could collide with content", () => {
    expect(() => splitSections("", "abc")).toThrow(/nonce/);
  });

  it("ignores prompt echo lines that only look like UUID lists", () => {
    expect(uuidList(`virsh # net-dumpxml ${U1}\n`)).toEqual([]);
    expect(uuidList(`virsh # ${U1}\n`)).toEqual([U1]); // readline-less virsh: prompt, then output
  });

  it("takes the root element even when the name contains XML-looking text", () => {
    const body = `virsh # net-dumpxml ${U1}\n<network>\n  <name>&lt;/network&gt;&lt;network&gt;</name>\n</network>\n\nvirsh # `;
    expect(xmlDocument(body, "network")).toBe("<network>\n  <name>&lt;/network&gt;&lt;network&gt;</name>\n</network>");
  });
});

describe("a snapshot whose virsh could not connect", () => {
  it("reports virsh's errors and exit so the adapter can type the error", () => {
    // Both scripts, run on hv-a as a user outside the libvirt group.
    const out = `\n${N}|virsh-start\nerror: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied\n\n${N}|virsh-exit 1\n\n${N}|done\n`;
    const parsed = parseSnapshotOutput(out, N);
    expect(parsed.virsh).toMatchObject({ ran: true, exitCode: 1, complete: false });
    expect(parsed.virsh.stderr).toBe("error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied");
    expect(parsed.snapshot.networks).toEqual([]);
  });

  it("takes only virsh's error lines from before the first command, not the interactive banner", () => {
    const out = `${N}|virsh-start\nWelcome to virsh, the virtualization interactive terminal.\n\nvirsh # echo "${N}""|nets"\n${N}|nets\n${N}|virsh-end\n${N}|virsh-exit 0\n${N}|done\n`;
    expect(parseSnapshotOutput(out, N).virsh).toMatchObject({ stderr: "", exitCode: 0, complete: true });
  });

  it("drops a network that vanished between the list and its dump", () => {
    const out = `${N}|nets\n${U1}\n${N}|phase2\n${N}|net-xml ${U1}\nerror: Network not found\n${N}|virsh-end\n${N}|done\n`;
    expect(parseSnapshotOutput(out, N).snapshot.networks).toEqual([]);
  });
});
