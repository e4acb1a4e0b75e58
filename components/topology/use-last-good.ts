"use client";

import { useState } from "react";

/**
 * The latest defined value, kept through later undefined ones: when a refetch
 * fails (host unreachable for a moment) the last graph stays on screen under
 * the error instead of vanishing.
 */
export function useLastGood<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  // React's "adjust state while rendering" pattern: no effect, no extra commit.
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
