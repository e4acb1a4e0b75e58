/** @type {import('next').NextConfig} */
const nextConfig = {
  // ssh2 loads an optional native crypto addon that the bundler cannot place;
  // PGlite ships its own WASM and data files. Both load from node_modules at run time.
  serverExternalPackages: ["ssh2", "@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
