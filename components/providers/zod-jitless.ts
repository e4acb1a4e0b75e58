// zod's core `config` (what z.config calls), not the `z` namespace: this module
// runs in the root layout, and importing `z` put all of zod into every page's JS.
import { config } from "zod/v4/core";

// zod compiles object parsers with `new Function` when it may, and probes for
// that the first time it parses. Under this app's Content-Security-Policy
// (no 'unsafe-eval', proxy.ts) the probe is refused: harmless, since zod falls
// back, but the browser reports it as a CSP violation on every page. Saying
// up front that there is no eval skips the probe.
config({ jitless: true });
