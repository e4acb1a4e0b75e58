import type { TopologyGraph, TopologyLayout } from "@/lib/domain/topology";

// The two messages between the page and the layout worker. `id` lets the page
// drop answers to requests it has since replaced (a refresh mid-layout).

export type LayoutRequest = { id: number; graph: TopologyGraph; previous?: TopologyLayout };

export type LayoutResponse = { id: number; ok: true; layout: TopologyLayout; ms: number } | { id: number; ok: false; error: string };
