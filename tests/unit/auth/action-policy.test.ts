import { describe, expect, it } from "vitest";
import { actionKind } from "@/lib/auth/action-policy";

describe("action kinds", () => {
  it("names the public and self-service actions by file and export", () => {
    expect(actionKind("app/login/actions.ts", "signIn")).toBe("public");
    expect(actionKind("app/login/actions.ts", "signOut")).toBe("self");
    // The same name elsewhere gets no exemption.
    expect(actionKind("app/hosts/actions.ts", "signIn")).toBe("mutation");
  });

  it("treats read verbs as reads and everything else as a mutation", () => {
    for (const name of ["getHost", "listNetworks", "loadTopology", "readXml", "fetchStatus", "findVm", "searchAudit", "describeNetwork", "previewPlan"]) {
      expect(actionKind("app/x/actions.ts", name), name).toBe("read");
    }
    for (const name of ["addHost", "startNetwork", "deleteNetwork", "getaway", "listen", "applyPlan", "$$RSC_SERVER_ACTION_0", "default"]) {
      expect(actionKind("app/x/actions.ts", name), name).toBe("mutation");
    }
  });
});
