import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ConsoleIdentity } from "@/lib/runtime/call-action";
import { FailureMessage } from "./failure-message";
import { NeedsRole } from "./needs-role";
import { sizingIfVerified } from "./sizing-call";
import { sizingProviderOf, sizingRegions } from "./sizing-regions";
import { sizingWords } from "./sizing-words";

/**
 * One host's recommended target in its cloud's first region (the cached
 * catalogue, read from the cloud when there is none); Target sizing has
 * every region.
 */
export async function HostSizing({ who, channel, agentId }: { who: ConsoleIdentity; channel: string; agentId: string }) {
  const t = await getTranslations();
  const provider = sizingProviderOf(channel);
  if (!provider) return <p className="text-gray-600">{t("sizing.directChannel")}</p>;
  const region = sizingRegions[provider][0];
  const [words, sizing] = await Promise.all([sizingWords(), sizingIfVerified(who, provider, { region, agentIds: [agentId] })]);
  if (sizing === "needsRole") return <NeedsRole />;
  if (!sizing.ok) return sizing.reason?.key === "sizing.noVerifiedRole" ? <NeedsRole /> : <FailureMessage failure={sizing} />;
  const r = sizing.data.recommendations[0];
  if (!r) return null;
  return (
    <div className="space-y-2" data-testid="host-sizing">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-gray-500">{t("sizing.region")}</dt>
        <dd translate="no">{region}</dd>
        <dt className="text-gray-500">{t("sizing.recommended")}</dt>
        <dd className="font-mono text-xs leading-6" translate="no">
          {r.offer?.type ?? "—"}
        </dd>
        <dt className="text-gray-500">{t("sizing.shape")}</dt>
        <dd>{words.offer(r)}</dd>
        <dt className="text-gray-500">{t("sizing.monthly")}</dt>
        <dd>{words.price(r)}</dd>
        <dt className="text-gray-500">{t("sizing.why")}</dt>
        <dd className="text-gray-600">{words.reason(r)}</dd>
      </dl>
      <Link href={`/console/hosts/sizing?${new URLSearchParams({ agentId })}`} className="text-primary hover:underline">
        {t("hosts.sizeThis")}
      </Link>
    </div>
  );
}
