import { CopyButton } from "./copy-button";

/**
 * What an action did, already in the viewer's language (the server chose the
 * words from its codes): shown beside the form that did it, until the next
 * action or page.
 */
export type Outcome = { ok: true; text: string; link?: string } | { ok: false; text: string; traceLine?: string; traceId?: string } | null;

export type CopyLabels = { copy: string; copied: string };

export function OutcomeMessage({ outcome, labels }: { outcome: Outcome; labels: CopyLabels }) {
  if (!outcome) return null;
  if (outcome.ok)
    return (
      <div role="status" className="space-y-1 rounded border border-green-200 bg-green-50 px-3 py-2 text-green-800">
        <p>{outcome.text}</p>
        {outcome.link && (
          <p className="flex items-start gap-2">
            <a
              href={outcome.link}
              className="min-w-0 break-all font-mono text-xs text-primary underline"
              target="_blank"
              rel="noreferrer"
              translate="no"
            >
              {outcome.link}
            </a>
            <CopyButton text={outcome.link} {...labels} />
          </p>
        )}
      </div>
    );
  return (
    <div role="alert" className="space-y-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
      <p>{outcome.text}</p>
      {outcome.traceLine && outcome.traceId && (
        <p className="flex items-center gap-2 text-xs text-red-700">
          {/* support, given the trace ID, opens the call in /ops; anyone else is asked to sign in as staff */}
          <a
            href={`/ops?traceId=${encodeURIComponent(outcome.traceId)}`}
            className="min-w-0 break-all hover:underline"
            data-testid="trace-link"
          >
            {outcome.traceLine}
          </a>
          <CopyButton text={outcome.traceId} {...labels} />
        </p>
      )}
    </div>
  );
}
