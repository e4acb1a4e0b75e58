import { describe, expect, it } from "vitest";
import { MAX_WARM_COMMAND_BYTES, unreadUuids, warmReadCommands } from "@/lib/domain/host/snapshot-commands";

const N = "00112233445566778899aabbccddeeff";
const NET = "11111111-2222-4333-8444-555555555555";
const DOM = "66666666-7777-4888-9999-aaaaaaaaaaaa";

describe("the warm read's virsh command line", () => {
  it("asks for every list, then the hinted dumps, each behind its marker, and ends with virsh-end", () => {
    const line = warmReadCommands(N, { networks: [NET], activeNetworks: [NET], domains: [DOM] })!;
    const commands = line.split("; ");
    expect(commands.slice(0, 2)).toEqual([`echo "${N}""|nets"`, "net-list --all --uuid"]);
    expect(commands).toContain(`echo "${N}""|net-xml ${NET}"`);
    expect(commands).toContain(`net-dumpxml ${NET}`);
    expect(commands).toContain(`net-dhcp-leases ${NET}`);
    expect(commands).toContain(`dumpxml ${DOM}`);
    expect(commands.at(-1)).toBe(`echo "${N}""|virsh-end"`);
    // The marker never appears whole in the line: only virsh's echo joins the halves.
    expect(line).not.toContain(`${N}|`);
  });

  it("refuses anything in a hint that is not a UUID, so no name can reach virsh's parser", () => {
    expect(() => warmReadCommands(N, { networks: ["default; net-destroy default"], activeNetworks: [], domains: [] })).toThrow(/UUID/);
    expect(() => warmReadCommands(N, { networks: [], activeNetworks: [], domains: [`${DOM}"`] })).toThrow(/UUID/);
    expect(() => warmReadCommands("not-hex", { networks: [], activeNetworks: [], domains: [] })).toThrow(/nonce/);
  });

  it("gives up (cold read) when the line would not fit one argument", () => {
    const many = Array.from({ length: 2000 }, (_, i) => `${String(i).padStart(8, "0")}-2222-4333-8444-555555555555`);
    expect(warmReadCommands(N, { networks: [], activeNetworks: [], domains: many })).toBeNull();
    expect(MAX_WARM_COMMAND_BYTES).toBeLessThan(128 * 1024);
  });
});

describe("what a warm read left unread", () => {
  const dumped = { networks: new Set([NET]), leases: new Set<string>(), domains: new Set([DOM]) };

  it("is nothing when the lists name only what was dumped", () => {
    expect(unreadUuids({ networks: [NET], activeNetworks: [], domains: [DOM] }, dumped)).toEqual([]);
  });

  it("names a network that appeared, one that was started (its leases), and a new guest", () => {
    const newNet = "aaaaaaaa-2222-4333-8444-555555555555";
    const newDom = "bbbbbbbb-7777-4888-9999-aaaaaaaaaaaa";
    expect(unreadUuids({ networks: [NET, newNet], activeNetworks: [NET], domains: [DOM, newDom] }, dumped)).toEqual([newNet, NET, newDom]);
  });
});
