"use client";

import { useState } from "react";
import { smallButton } from "@/components/ui";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure origin): the text stays selectable on the page.
    }
  };
  return (
    <button type="button" onClick={copy} aria-label={label} className={smallButton}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
