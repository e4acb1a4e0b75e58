/** @type {import('next').NextConfig} */
const nextConfig = {
  // ssh2 loads an optional native crypto addon that the bundler cannot place;
  // PGlite ships its own WASM and data files. Both load from node_modules at run time.
  serverExternalPackages: ["ssh2", "@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Headers that are the same on every response, static files included. The
  // Content-Security-Policy (a fresh nonce per page) and HSTS (only when served
  // over https) depend on the request, so proxy.ts sets them.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Addresses in this console name hosts and networks: they stay on this origin.
          { key: "Referrer-Policy", value: "same-origin" },
          // For browsers that predate CSP's frame-ancestors.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
