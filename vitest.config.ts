import { defineConfig } from "vitest/config";
import path from "node:path";

const root = __dirname;
// `server-only` throws outside a React Server environment; tests run server code
// directly, so they get an empty module. The import stays in the code.
const alias = {
  "@": root,
  "server-only": path.join(root, "tests/support/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        // The lab's own teardown/re-up proof runs before everything that needs the lab.
        resolve: { alias },
        test: {
          name: "lifecycle",
          include: ["tests/lifecycle/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Integration suites change real lab state: one file at a time.
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          globalSetup: ["tests/e2e/support/global-setup.ts"],
        },
      },
    ],
  },
});
