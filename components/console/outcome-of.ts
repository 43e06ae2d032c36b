import { getTranslations } from "next-intl/server";
import type { CopyLabels, Outcome } from "@/components/ui/outcome";
import { failureText } from "@/lib/i18n";
import type { ActionResult } from "@/lib/runtime/call-action";

type Failed = Extract<ActionResult<unknown>, { ok: false }>;

/** A refused or failed call as a person reads it: what happened, what to do, and the trace ID to quote. */
export async function failureOutcome(failure: Pick<Failed, "code" | "reason" | "traceId">): Promise<Outcome> {
  const t = await getTranslations();
  return {
    ok: false,
    text: failureText(t, failure),
    traceLine: t("common.traceLine", { traceId: failure.traceId }),
    traceId: failure.traceId,
  };
}

export async function copyLabels(): Promise<CopyLabels> {
  const t = await getTranslations();
  return { copy: t("common.copy"), copied: t("common.copied") };
}
