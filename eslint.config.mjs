import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering rules make the architecture enforceable rather than aspirational:
// lib/domain stays pure (runs in the browser and in tests), and UI code never
// reaches the SSH transport or the libvirt adapter except through server actions.
const forbiddenInDomain = [
  { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/domain is pure: no framework imports." },
  { group: ["ssh2", "ssh2/*", "node:*", "server-only"], message: "lib/domain is pure: no node or transport imports." },
  { group: ["@/lib/ssh/*", "@/lib/libvirt/*", "@/lib/ssh", "@/lib/libvirt", "**/ssh/*", "**/libvirt/*"], message: "lib/domain must not depend on the transport or adapter." },
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
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/lib/ssh", "@/lib/ssh/*", "@/lib/libvirt", "@/lib/libvirt/*", "**/lib/ssh/**", "**/lib/libvirt/**"], message: "Components reach hosts only through server actions." }],
      }],
    },
  },
];

export default config;
