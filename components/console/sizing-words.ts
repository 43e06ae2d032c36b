import { getFormatter, getTranslations } from "next-intl/server";
import type { describeSizingRecommendations } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";

export type Recommendation = ResultOf<typeof describeSizingRecommendations>["recommendations"][number];

// every argument the reasons take (each reason uses some of them)
const noArgs = { type: "", cores: 0, hostMemoryGiB: 0, headroomPercent: 0, needVcpus: 0, needMemoryGiB: 0 };

/** A recommendation in the viewer's words: what the host needs, the offer's shape and monthly price, and why. */
export async function sizingWords() {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const shape = (s: { vcpus: number; memoryGiB: number } | null) =>
    s ? t("sizing.shapeValue", { vcpus: s.vcpus, memory: format.number(s.memoryGiB) }) : "—";
  return {
    needs: (r: Recommendation) => shape(r.needs),
    offer: (r: Recommendation) => shape(r.offer),
    price: (r: Recommendation) =>
      r.offer?.monthlyPrice != null && r.offer.currency
        ? format.number(r.offer.monthlyPrice, { style: "currency", currency: r.offer.currency })
        : t("sizing.noPrice"),
    reason: (r: Recommendation) => t("sizing.reason", { ...noArgs, ...r.reason.args, code: r.reason.code }),
  };
}
