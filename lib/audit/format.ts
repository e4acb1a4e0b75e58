// Pure: how argv arrays are shown, so a copied line runs exactly what was run.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export const quoteArg = (arg: string) => (arg !== "" && SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export const formatCommand = (argv: readonly string[]) => argv.map(quoteArg).join(" ");
