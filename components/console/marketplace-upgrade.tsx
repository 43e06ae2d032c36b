import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";

/** A marketplace tenant upgrades or renews where it bought: the product's listing. */
export async function MarketplaceUpgrade({ channel, listing }: { channel: string; listing: string | undefined }) {
  const t = await getTranslations();
  return (
    <Panel title={t("directBilling.upgrade")} testId="marketplace-upgrade">
      <p className="text-gray-600">{t("directBilling.marketplaceUpgrade", { channel })}</p>
      {listing && (
        <a
          href={listing}
          className="inline-flex h-8 items-center rounded bg-primary px-4 text-white hover:bg-primary-dark"
          rel="noreferrer"
        >
          {t("directBilling.openListing")}
        </a>
      )}
    </Panel>
  );
}
