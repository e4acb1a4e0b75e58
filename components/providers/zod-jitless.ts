// zod compiles object parsers with `new Function` when it may, and probes for
// that the first time it parses. Under this app's Content-Security-Policy
// (no 'unsafe-eval', proxy.ts) the probe is refused: harmless, since zod falls
// back, but the browser reports it as a CSP violation on every page. Saying
// up front that there is no eval skips the probe.
//
// This module runs in the root layout, on every page: importing zod here (even
// its core `config`) put zod into every page's JS. zod keeps its settings on
// `globalThis.__zod_globalConfig`, creating it only when absent and sharing it
// between every copy of zod (zod/v4/core/core.js), which is what `z.config`
// writes to; setting `jitless` there works whether zod loads before or after.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;
