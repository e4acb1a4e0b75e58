import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering rules make the architecture enforceable rather than aspirational
// (tests/unit/architecture/layering.test.ts plants a violation of each):
// lib/domain stays pure (runs in the browser and in tests) and imports no other
// lib/ folder; lib/ssh is a transport that knows no libvirt, plans or pages;
// lib/libvirt is the adapter that lib/changes builds plans with, never the
// other way round; and UI code never reaches the transport or the adapter
// except through server actions.
const forbiddenInDomain = [
  { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/domain is pure: no framework imports." },
  { group: ["ssh2", "ssh2/*", "node:*", "server-only"], message: "lib/domain is pure: no node or transport imports." },
  { group: ["@/lib/ssh/*", "@/lib/libvirt/*", "@/lib/ssh", "@/lib/libvirt", "**/ssh/*", "**/libvirt/*"], message: "lib/domain must not depend on the transport or adapter." },
  { group: ["@/lib/*", "!@/lib/domain", "!@/lib/domain/*", "@/app/*", "@/components/*"], message: "lib/domain is pure: it imports only lib/domain." },
];
const forbiddenInTransport = [
  { group: ["@/lib/libvirt", "@/lib/libvirt/*", "**/libvirt/*", "@/lib/changes", "@/lib/changes/*", "**/changes/*", "@/app/*", "**/app/*"], message: "lib/ssh is the transport: it knows no libvirt, no plans and no pages (an adapter registers a failure classifier)." },
];
const forbiddenInAdapter = [
  { group: ["@/lib/changes", "@/lib/changes/*", "**/changes/*"], message: "lib/libvirt is the adapter: lib/changes builds plans with it, never the other way round." },
];
const nodeBuiltins = ["fs", "path", "os", "child_process", "crypto", "net", "tls", "http", "https", "stream", "util", "events", "buffer", "url", "zlib", "dns", "worker_threads"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", ".lab/**", "data/**", ".test-data/**", "test-results/**", "next-env.d.ts", "drizzle/**"] },
  {
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: nodeBuiltins.map((name) => ({ name, message: "lib/domain is pure: no node or transport imports." })),
        patterns: forbiddenInDomain,
      }],
    },
  },
  {
    files: ["lib/ssh/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: forbiddenInTransport }] },
  },
  {
    files: ["lib/libvirt/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: forbiddenInAdapter }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/lib/ssh", "@/lib/ssh/*", "@/lib/libvirt", "@/lib/libvirt/*", "**/lib/ssh/**", "**/lib/libvirt/**"], message: "Components reach hosts only through server actions." }],
      }],
    },
  },
  {
    // One set of form controls (label, linked error, invalid state), so every form reads and behaves alike.
    files: ["components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "JSXOpeningElement[name.name=/^(input|select|textarea)$/]",
        message: "Form controls come from components/ui (TextField, TextArea, Select, Checkbox, Radio).",
      }],
    },
  },
];

export default config;
