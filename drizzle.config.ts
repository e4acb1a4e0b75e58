import { defineConfig } from "drizzle-kit";

// Generates SQL into drizzle/; the same files migrate PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
