"use client";

import { useFormStatus } from "react-dom";

/** A submit button that shows the operation is under way (and cannot be pressed twice). */
export function SubmitButton({
  children,
  pending,
  className,
  name,
  value,
}: {
  children: React.ReactNode;
  pending: React.ReactNode;
  className: string;
  /** which of a form's buttons was pressed */
  name?: string;
  value?: string;
}) {
  const status = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={status.pending}
      aria-busy={status.pending}
      className={`${className} disabled:opacity-60`}
    >
      {status.pending ? pending : children}
    </button>
  );
}
