import { describe, expect, it } from "vitest";
import { lineDiff } from "@/lib/domain/plan/line-diff";

describe("line diff", () => {
  it("marks only the changed lines", () => {
    const d = lineDiff("<a>\n  <b/>\n  <c/>\n</a>\n", "<a>\n  <b x='1'/>\n  <c/>\n  <d/>\n</a>");
    expect(d.filter((l) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "  <b/>" },
      { kind: "added", text: "  <b x='1'/>" },
      { kind: "added", text: "  <d/>" },
    ]);
    expect(d.filter((l) => l.kind === "same").map((l) => l.text)).toEqual(["<a>", "  <c/>", "</a>"]);
  });
  it("is all same for equal text", () => {
    expect(lineDiff("x\ny", "x\ny").every((l) => l.kind === "same")).toBe(true);
  });
});
