import { OutcomeMessage } from "@/components/ui/outcome";
import { copyLabels, failureOutcome } from "./outcome-of";

type Failure = Parameters<typeof failureOutcome>[0];

/** A failed read, where its data would have been: what happened, what to do, the trace ID. */
export async function FailureMessage({ failure }: { failure: Failure }) {
  const [outcome, labels] = await Promise.all([failureOutcome(failure), copyLabels()]);
  return <OutcomeMessage outcome={outcome} labels={labels} />;
}
