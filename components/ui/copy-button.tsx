"use client";

import { useState } from "react";

/** Copies what a buyer must paste elsewhere (a link, an ExternalId, a trace ID). */
export function CopyButton({ text, copy, copied }: { text: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="inline-flex h-6 shrink-0 items-center rounded border border-gray-300 bg-white px-2 text-xs text-gray-700 hover:border-primary hover:text-primary"
      onClick={async () => {
        await navigator.clipboard?.writeText(text);
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      }}
    >
      {done ? copied : copy}
    </button>
  );
}
