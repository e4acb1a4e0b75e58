"use client";

import { useEffect, useRef, useState } from "react";
import type { TopologyGraph, TopologyLayout } from "@/lib/domain/topology";
import type { LayoutRequest, LayoutResponse } from "./layout-messages";

export type LayoutState = { layout?: TopologyLayout; error?: string; pending: boolean; ms?: number };

/**
 * Lays `graph` out in a Web Worker whenever it changes. Each request carries
 * the last layout, so nodes that were already on screen keep their places
 * when a refresh (or a live event) brings a new graph.
 */
export function useElkLayout(graph: TopologyGraph | undefined): LayoutState {
  const workerRef = useRef<Worker | null>(null);
  const lastId = useRef(0);
  const previous = useRef<TopologyLayout | undefined>(undefined);
  const [state, setState] = useState<LayoutState>({ pending: true });
  const laidOutShape = useRef("");

  useEffect(() => {
    const worker = new Worker(new URL("./elk.worker.ts", import.meta.url), { type: "module" });
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const answer = event.data;
      if (answer.id !== lastId.current) return; // superseded by a newer graph
      if (answer.ok) {
        previous.current = answer.layout;
        setState({ layout: answer.layout, pending: false, ms: answer.ms });
      } else {
        setState((s) => ({ ...s, error: answer.error, pending: false }));
      }
    };
    return () => {
      worker.terminate();
      workerRef.current = null;
      laidOutShape.current = ""; // a new worker (React's dev remount) must lay out again
    };
  }, []);

  // Only what moves boxes: a VM that merely pauses keeps the same layout.
  const shape = graph ? layoutShape(graph) : "";

  useEffect(() => {
    const worker = workerRef.current;
    if (!graph || !worker || shape === laidOutShape.current) return;
    laidOutShape.current = shape;
    lastId.current += 1;
    const request: LayoutRequest = { id: lastId.current, graph, previous: previous.current };
    worker.postMessage(request);
    setState((s) => ({ ...s, pending: true }));
    // graph is read for the shape it has; `shape` is what decides a new layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  return state;
}

function layoutShape(graph: TopologyGraph): string {
  return [graph.groups.map((g) => g.id), graph.nodes.map((n) => `${n.id}/${n.kind}`), graph.edges.map((e) => e.id)].map((list) => list.join(",")).join("\n");
}
