/**
 * A dynamic route segment as the name it stands for. Next hands segments over
 * still percent-encoded in some paths and decoded in others; decoding a
 * second time would corrupt a name containing '%', so only well-formed
 * escapes are decoded.
 */
export function routeSegment(segment: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(segment)) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
