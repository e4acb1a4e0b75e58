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

  it.each([["@/lib/ssh/connection"], ["@/lib/libvirt/networks"], ["@/lib/libvirt/virsh"]])("refuses %s in components", async (spec) => {
    const messages = await restrictedImports("components/probe/widget.tsx", `import * as m from "${spec}";\nexport const x = m;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/server actions/);
  });

  it.each([["@/lib/auth/roles"], ["@/lib/changes/apply"], ["@/app/hosts/actions"], ["@/components/live"]])("refuses %s in lib/domain (it imports only lib/domain)", async (spec) => {
    const messages = await restrictedImports("lib/domain/probe-file.ts", `import * as m from "${spec}";\nexport const x = m;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/imports only lib\/domain/);
  });

  it.each([["@/lib/libvirt/virsh"], ["@/lib/libvirt/errors"], ["../libvirt/errors"], ["@/lib/changes/apply"], ["@/app/hosts/actions"]])("refuses %s in lib/ssh", async (spec) => {
    const messages = await restrictedImports("lib/ssh/probe-file.ts", `import * as m from "${spec}";\nexport const x = m;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/lib\/ssh is the transport/);
  });

  it.each([["@/lib/changes/plan-store"], ["../changes/network-edit-context"]])("refuses %s in lib/libvirt", async (spec) => {
    const messages = await restrictedImports("lib/libvirt/probe-file.ts", `import * as m from "${spec}";\nexport const x = m;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/lib\/libvirt is the adapter/);
  });

  it("allows what each layer may import", async () => {
    expect(await restrictedImports("lib/domain/probe-file.ts", 'import { parseCidr } from "@/lib/domain/net";\nexport const x = parseCidr;\n')).toEqual([]);
    expect(await restrictedImports("lib/libvirt/probe-file.ts", 'import { runCommand } from "@/lib/ssh";\nimport type { Plan } from "@/lib/domain/plan";\nexport const x: [typeof runCommand, Plan?] = [runCommand];\n')).toEqual([]);
    expect(await restrictedImports("lib/ssh/probe-file.ts", 'import { quoteArg } from "./quote";\nexport const x = quoteArg;\n')).toEqual([]);
  });

  it.each([["input", '<input value="x" readOnly />'], ["select", "<select />"], ["textarea", "<textarea />"]])("refuses a hand-rolled <%s> in components outside components/ui", async (_tag, jsx) => {
    const code = `export function Probe() {\n  return ${jsx};\n}\n`;
    const lint = async (relPath: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, relPath) });
      return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
    };
    expect(await lint("components/probe/widget.tsx")).toEqual([expect.stringMatching(/components\/ui/)]);
    expect(await lint("components/ui/probe-widget.tsx")).toEqual([]);
  });

  it("allows pure imports in lib/domain", async () => {
    const messages = await restrictedImports("lib/domain/probe-file.ts", 'import { z } from "zod";\nexport const x = z;\n');
    expect(messages).toEqual([]);
  });
});
