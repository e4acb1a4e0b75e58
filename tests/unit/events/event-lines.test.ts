import { describe, expect, it } from "vitest";
import { classifyLine, READY_LINE } from "@/lib/events/event-lines";

describe("classifyLine", () => {
  it("reads tagged network and domain events, whatever the name", () => {
    expect(classifyLine("net 2026-11-23 08:51:23.021+0000: event 'lifecycle' for network sy-live-a: Defined")).toEqual({ kind: "change", reason: "network" });
    expect(classifyLine("dom event 'lifecycle' for domain g1: Started Booted\r")).toEqual({ kind: "change", reason: "domain" });
    expect(classifyLine("net event 'lifecycle' for network dom event 'x: Stopped")).toEqual({ kind: "change", reason: "network" });
  });

  it("recognises readiness only as the script's own untagged line", () => {
    expect(classifyLine(READY_LINE)).toEqual({ kind: "ready" });
    expect(classifyLine(`${READY_LINE}\r`)).toEqual({ kind: "ready" });
    // A network named like the marker arrives tagged, inside an event line.
    expect(classifyLine(`net event 'lifecycle' for network ${READY_LINE}: Started`).kind).toBe("change");
    expect(classifyLine(`net ${READY_LINE}`).kind).toBe("noise");
  });

  it("treats virsh errors and the second half of a name with a newline as noise", () => {
    expect(classifyLine("error: failed to connect to the hypervisor").kind).toBe("noise");
    expect(classifyLine("net second-line-of-name: Started").kind).toBe("noise");
    expect(classifyLine("").kind).toBe("noise");
  });
});
