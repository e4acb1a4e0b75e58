import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The architecture is enforced by lint, so prove the lint actually bites:
// lint imaginary files at real paths and read the rule that fired.
const root = path.resolve(__dirname, "../../..");
const eslint = new ESLint({ cwd: root });

async function restrictedImports(relPath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// The first lint loads the whole ESLint config (typescript-eslint, next plugins): slow on a busy machine.
describe("layering lint", { timeout: 60_000 }, () => {
  it.each([
    ["next/navigation", 'import { redirect } from "next/navigation";\nexport const x = redirect;\n'],
    ["react", 'import { useState } from "react";\nexport const x = useState;\n'],
    ["ssh2", 'import { Client } from "ssh2";\nexport const x = Client;\n'],
    ["node:crypto", 'import { randomUUID } from "node:crypto";\nexport const x = randomUUID;\n'],
    ["fs", 'import fs from "fs";\nexport const x = fs;\n'],
  ])("refuses %s in lib/domain", async (_name, code) => {
    const messages = await restrictedImports("lib/domain/probe-file.ts", code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/lib\/domain is pure/);
  });

  it.each([["@/lib/ssh/connection"], ["@/lib/libvirt/networks"]])("refuses %s in components", async (spec) => {
    const messages = await restrictedImports("components/probe/widget.tsx", `import * as m from "${spec}";\nexport const x = m;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/server actions/);
  });

  it("allows pure imports in lib/domain", async () => {
    const messages = await restrictedImports("lib/domain/probe-file.ts", 'import { z } from "zod";\nexport const x = z;\n');
    expect(messages).toEqual([]);
  });
});
