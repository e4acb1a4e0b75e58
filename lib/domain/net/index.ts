// Address, MAC and name helpers. Import from "@/lib/domain/net".
export * from "./ip";
export * from "./mac";
export * from "./names";
