import type { TestProject } from "vitest/node";
import { acquireBuildLock } from "./build-lock";
import { rmSync } from "node:fs";
import { HOSTILE_LOG } from "../security/hostile-inputs";
import { buildOnce, startServer, type RunningServer } from "./server";

// One production build and one server for the whole browser suite, on a free
// port (never 3000) with a data directory of its own.
let server: RunningServer | undefined;

export default async function setup(project: TestProject) {
  rmSync(HOSTILE_LOG, { force: true });
  const release = await acquireBuildLock();
  await buildOnce();
  server = await startServer();
  project.provide("baseURL", server.baseURL);
  project.provide("adminUser", server.adminUser);
  project.provide("adminPassword", server.adminPassword);
  project.provide("dataDir", server.dataDir);
  return async () => {
    await server?.stop();
    release();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    adminUser: string;
    adminPassword: string;
    dataDir: string;
  }
}
