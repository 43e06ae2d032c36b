import { getTranslations } from "next-intl/server";
import { codeArgs } from "@/lib/i18n";
import { Badge, type Tone } from "./badge";

const labels = { tenant: "labels.tenantStatus", subscription: "labels.subscriptionStatus", cloud: "labels.cloudStatus" } as const;

const tones: Record<string, Tone> = {
  active: "green",
  verified: "green",
  frozen: "amber",
  expired: "amber",
  closed: "red",
  failed: "red",
  cancelled: "gray",
  pending: "gray",
};

/** A status as a coloured badge with its word, in the viewer's language. */
export async function StatusBadge({ of, status }: { of: keyof typeof labels; status: string }) {
  const t = await getTranslations();
  return <Badge tone={tones[status] ?? "gray"}>{t(labels[of], codeArgs(status))}</Badge>;
}
