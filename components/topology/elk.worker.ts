/// <reference lib="webworker" />
import ELK from "elkjs/lib/elk.bundled.js";
import { layoutTopology, type ElkEngine } from "@/lib/domain/topology";
import type { LayoutRequest, LayoutResponse } from "./layout-messages";

// Lays topology graphs out off the main thread. elk.bundled.js runs ELK
// in-process (its own "worker" is a fake), which is what we want inside a
// real one. Importing it in a worker also installs ELK's own self.onmessage,
// so ours is assigned after the import and replaces it.

const worker = self as unknown as DedicatedWorkerGlobalScope;
const elk = new ELK() as unknown as ElkEngine;

worker.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, previous } = event.data;
  const started = performance.now();
  let answer: LayoutResponse;
  try {
    const layout = await layoutTopology(elk, graph, previous);
    answer = { id, ok: true, layout, ms: performance.now() - started };
  } catch (err) {
    answer = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  worker.postMessage(answer);
};
