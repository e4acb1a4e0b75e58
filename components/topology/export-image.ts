import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";

// Exports what the flow shows, following @xyflow/react's "download image"
// recipe: frame the visible nodes, then render the viewport element (not the
// whole page, so no toolbar or panel) with html-to-image.

export type ImageFormat = "png" | "svg";

const MAX_SIDE = 4096;

export async function exportFlowImage(container: HTMLElement, nodes: Node[], format: ImageFormat, fileName: string) {
  const viewport = container.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport) throw new Error("The graph is not drawn yet.");
  const visible = nodes.filter((n) => !n.hidden);
  const bounds = getNodesBounds(visible);
  const scale = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height, 1));
  const width = Math.ceil(bounds.width * scale) + 80;
  const height = Math.ceil(bounds.height * scale) + 80;
  const frame = getViewportForBounds(bounds, width, height, 0.05, 2, 0.05);
  const options = {
    backgroundColor: "#ffffff",
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${frame.x}px, ${frame.y}px) scale(${frame.zoom})` },
  };
  const dataUrl = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
  const a = document.createElement("a");
  a.href = dataUrl;
  a.download = `${fileName}.${format}`;
  a.click();
}
