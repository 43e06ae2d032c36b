"use client";

import { useFormStatus } from "react-dom";

/** A submit button that shows the operation is under way (and cannot be pressed twice). */
export function SubmitButton({ children, pending, className }: { children: React.ReactNode; pending: React.ReactNode; className: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" disabled={status.pending} aria-busy={status.pending} className={`${className} disabled:opacity-60`}>
      {status.pending ? pending : children}
    </button>
  );
}
