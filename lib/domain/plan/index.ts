// The change flow's shapes (plan → confirm → apply → audit) that the server and
// the browser share. Pure data. Import from "@/lib/domain/plan".
export type * from "./types";
export type * from "./xml-edit";
export type * from "./guard";
