"use client";

import { useActionState } from "react";
import { type CopyLabels, type Outcome, OutcomeMessage } from "./outcome";

/**
 * A form whose server action answers with an Outcome: the message belongs to
 * this form, and goes when the page does (no query string, nothing to echo).
 */
export function ActionForm(props: {
  action: (previous: Outcome, form: FormData) => Promise<Outcome>;
  labels: CopyLabels;
  className?: string;
  children: React.ReactNode;
}) {
  const [outcome, formAction] = useActionState(props.action, null);
  return (
    <div className="space-y-2">
      <form action={formAction} className={props.className}>
        {props.children}
      </form>
      <OutcomeMessage outcome={outcome} labels={props.labels} />
    </div>
  );
}
