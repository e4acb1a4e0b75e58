import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateHost, isHostDataKey } from "@/components/live/query-keys";

describe("live invalidation keys", () => {
  const names = new Set(["0b7c…-id", "hv-a"]);

  it("covers the host's data by id or name, and fleet queries", () => {
    expect(isHostDataKey(["host-view", "hv-a"], names)).toBe(true);
    expect(isHostDataKey(["host", "0b7c…-id", "topology"], names)).toBe(true);
    expect(isHostDataKey(["fleet", "networks"], names)).toBe(true);
  });

  it("leaves other hosts, the reachability check and unrelated keys alone", () => {
    expect(isHostDataKey(["host-view", "hv-b"], names)).toBe(false);
    expect(isHostDataKey(["host-status", "hv-a"], names)).toBe(false);
    expect(isHostDataKey(["users"], names)).toBe(false);
    expect(isHostDataKey(["audit", "hv-a"], names)).toBe(false);
  });

  it("marks exactly those queries stale in a real QueryClient", async () => {
    const client = new QueryClient();
    for (const key of [["host-view", "hv-a"], ["host-view", "hv-b"], ["host-status", "hv-a"]]) client.setQueryData(key, 1);
    await invalidateHost(client, { hostId: "0b7c…-id", hostName: "hv-a" });
    const stale = client.getQueryCache().getAll().filter((q) => q.isStale()).map((q) => q.queryKey);
    expect(stale).toEqual([["host-view", "hv-a"]]);
  });
});
