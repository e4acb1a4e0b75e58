import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { actionKind } from "@/lib/auth/action-policy";

// The static half of the role matrix (the browser half calls every action in the
// build): every server action lives in an app/**/actions.ts file and is either
//   export const x = defineAction("<role>", schema, handler)
// (lib/actions/define-action.ts, whose returned function authorizes first), or,
// for the public sign-in, a function that starts with
//   const auth = await authorize("<role>"); if (!auth.ok) return auth;
// with a role that matches what its name says it is.

const root = path.resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const hasUseServer = (stmts: ts.NodeArray<ts.Statement>) =>
  stmts.some((s) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === "use server");

type Found = { file: string; name: string; body: ts.Block | undefined; isAsync: boolean; definedRole?: string };

/** `defineAction("role", …)`: the role, or why it is not a literal. */
function definedRole(call: ts.CallExpression): string {
  const [arg] = call.arguments;
  return arg && ts.isStringLiteral(arg) ? arg.text : "missing: defineAction() takes a literal role";
}

function exportedFunctions(sf: ts.SourceFile, file: string): Found[] {
  const found: Found[] = [];
  const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isAsyncFn = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s)) found.push({ file, name: s.name?.text ?? "default", body: s.body, isAsync: isAsyncFn(s) });
    if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) {
        const init = d.initializer;
        if (init && ts.isCallExpression(init) && init.expression.getText(sf) === "defineAction") {
          found.push({ file, name: d.name.getText(sf), body: undefined, isAsync: true, definedRole: definedRole(init) });
          continue;
        }
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
        const body = fn && ts.isBlock(fn.body) ? fn.body : undefined;
        found.push({ file, name: d.name.getText(sf), body, isAsync: !!fn && isAsyncFn(fn) });
      }
    }
    if (ts.isExportDeclaration(s) || ts.isExportAssignment(s)) found.push({ file, name: `(re-export) ${s.getText(sf)}`, body: undefined, isAsync: false });
  }
  return found;
}

/** The role in `const auth = await authorize("role")` followed by `if (!auth.ok) return auth;`, or why not. */
function guardRole(body: ts.Block | undefined, sf: ts.SourceFile): string {
  const [first, second] = body?.statements ?? [];
  const decl = first && ts.isVariableStatement(first) ? first.declarationList.declarations[0] : undefined;
  const call = decl?.initializer && ts.isAwaitExpression(decl.initializer) ? decl.initializer.expression : undefined;
  if (!decl || decl.name.getText(sf) !== "auth" || !call || !ts.isCallExpression(call) || call.expression.getText(sf) !== "authorize") {
    return "missing: first statement is not `const auth = await authorize(role)`";
  }
  const compact = second?.getText(sf).replace(/\s+/g, "") ?? "";
  if (compact !== "if(!auth.ok)returnauth;") return "missing: second statement is not `if (!auth.ok) return auth;`";
  const [arg] = call.arguments;
  return arg && ts.isStringLiteral(arg) ? arg.text : "missing: authorize() takes a literal role";
}

const files = sourceFiles(path.join(root, "app")).map((full) => {
  const rel = path.relative(root, full).split(path.sep).join("/");
  const text = readFileSync(full, "utf8");
  return { rel, text, sf: ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, rel.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS) };
});
const actionFiles = files.filter((f) => hasUseServer(f.sf.statements));
const actions = actionFiles.flatMap((f) => exportedFunctions(f.sf, f.rel).map((a) => ({ ...a, sf: f.sf })));

/** defineAction's own returned function: it must authorize before anything else, or every action above is unguarded. */
function defineActionGuard(): string {
  const rel = "lib/actions/define-action.ts";
  const sf = ts.createSourceFile(rel, readFileSync(path.join(root, rel), "utf8"), ts.ScriptTarget.Latest, true);
  const decl = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === "defineAction");
  const ret = decl?.body?.statements.find(ts.isReturnStatement)?.expression;
  const inner = ret && ts.isArrowFunction(ret) && ts.isBlock(ret.body) ? ret.body : undefined;
  const first = inner?.statements[0];
  const call = first && ts.isVariableStatement(first) ? first.declarationList.declarations[0]?.initializer : undefined;
  const awaited = call && ts.isAwaitExpression(call) ? call.expression : undefined;
  const authorizes = !!awaited && ts.isCallExpression(awaited) && awaited.expression.getText(sf) === "authorize" && awaited.arguments[0]?.getText(sf) === "role";
  const second = inner?.statements[1]?.getText(sf).replace(/\s+/g, "");
  return authorizes && second === "if(!auth.ok)returnauth;" ? "authorizes first" : "missing: defineAction does not start with authorize(role)";
}

describe("server action convention", () => {
  it("defineAction authorizes the role before it parses or runs anything", () => {
    expect(defineActionGuard()).toBe("authorizes first");
  });

  it("finds the actions (sanity)", () => {
    expect(actions.map((a) => `${a.file}#${a.name}`)).toContain("app/users/actions.ts#addUser");
  });

  it("keeps module-level actions in app/**/actions.ts (or app/**/<topic>-actions.ts) and no inline 'use server' elsewhere", () => {
    expect(actionFiles.map((f) => f.rel).filter((rel) => !/\/([a-z0-9]+-)*actions\.ts$/.test(rel))).toEqual([]);
    const inline = files.filter((f) => !hasUseServer(f.sf.statements) && /["']use server["']/.test(f.text)).map((f) => f.rel);
    expect(inline).toEqual([]);
  });

  it.each(actions.map((a) => [`${a.file}#${a.name}`, a] as const))("%s authorizes first, with a role its kind allows", (_key, a) => {
    expect(a.isAsync, "server actions are async functions").toBe(true);
    const kind = actionKind(a.file, a.name);
    if (kind === "public") return;
    const role = a.definedRole ?? guardRole(a.body, a.sf);
    const allowed = kind === "mutation" ? ["operator", "admin"] : ["viewer", "operator", "admin"];
    expect(allowed, `${a.file}#${a.name} (${kind}) authorizes "${role}"`).toContain(role);
  });
});
