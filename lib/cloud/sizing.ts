import { DescribeInstanceTypesCommand } from "@aws-sdk/client-ec2";
import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { type AliyunAccessConfig, ecsClient } from "./aliyun-access";
import { type AwsAccessConfig, ec2Client } from "./aws-access";
import type { TemporaryCredentials } from "./credential-cache";

/** An instance type a region offers, with its on-demand monthly price when the price API told it. */
export type InstanceOffer = { type: string; vcpus: number; memoryGiB: number; monthlyPrice: number | null; currency: "CNY" | "USD" | null };
export type Catalogue = { offers: InstanceOffer[]; priced: boolean };

const hoursPerMonth = 730;

/**
 * Alibaba ECS: DescribeInstanceTypes, then DescribePrice (monthly, CNY) for
 * each, with the buyer's temporary credentials. A price API that fails or is
 * not allowed leaves the catalogue unpriced, not missing.
 */
export async function aliyunCatalogue(cfg: AliyunAccessConfig, creds: TemporaryCredentials, region: string): Promise<Catalogue> {
  const ecs = ecsClient(cfg, creds);
  const call = <T>(action: string, params: Record<string, unknown>) =>
    ecs.request<T>(action, { RegionId: region, ...params }, { method: "GET", timeout: 10_000, formatParams: false });
  const types = await call<{ InstanceTypes: { InstanceType: { InstanceTypeId: string; CpuCoreCount: number; MemorySize: number }[] } }>(
    "DescribeInstanceTypes",
    {},
  );
  const offers = types.InstanceTypes.InstanceType.map((t) => ({ type: t.InstanceTypeId, vcpus: t.CpuCoreCount, memoryGiB: t.MemorySize }));
  const prices = await pricesOrNothing(offers, async (o) => {
    const r = await call<{ PriceInfo: { Price: { TradePrice: number } } }>("DescribePrice", {
      ResourceType: "instance",
      InstanceType: o.type,
      PriceUnit: "Month",
      Period: 1,
    });
    return r.PriceInfo.Price.TradePrice;
  });
  return priced(offers, prices, "CNY");
}

/**
 * AWS: EC2 DescribeInstanceTypes in the region, then the Price List API's
 * on-demand Linux prices (hourly, USD, × 730 a month). As above, an
 * unanswered price API leaves the catalogue unpriced.
 */
export async function awsCatalogue(cfg: AwsAccessConfig, creds: TemporaryCredentials, region: string): Promise<Catalogue> {
  const ec2 = ec2Client(cfg, creds, region);
  const offers: Omit<InstanceOffer, "monthlyPrice" | "currency">[] = [];
  let next: string | undefined;
  do {
    const page = await ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 100, NextToken: next }));
    for (const t of page.InstanceTypes ?? [])
      if (t.InstanceType && t.VCpuInfo?.DefaultVCpus && t.MemoryInfo?.SizeInMiB)
        offers.push({ type: t.InstanceType, vcpus: t.VCpuInfo.DefaultVCpus, memoryGiB: t.MemoryInfo.SizeInMiB / 1024 });
    next = page.NextToken;
  } while (next);
  let hourly: Map<string, number> | undefined;
  try {
    hourly = await awsHourlyPrices(cfg, creds, region);
  } catch {
    hourly = undefined;
  }
  const prices =
    hourly && offers.map((o) => (hourly.has(o.type) ? Math.round((hourly.get(o.type) as number) * hoursPerMonth * 100) / 100 : null));
  return priced(offers, prices, "USD");
}

async function awsHourlyPrices(cfg: AwsAccessConfig, creds: TemporaryCredentials, region: string) {
  const pricing = new PricingClient({
    region: "us-east-1", // the Price List API's own region, whatever the one priced
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secret, sessionToken: creds.sessionToken },
    maxAttempts: 2,
    ...(cfg.pricingEndpoint && { endpoint: cfg.pricingEndpoint }),
  });
  const prices = new Map<string, number>();
  let next: string | undefined;
  do {
    const page = await pricing.send(
      new GetProductsCommand({
        ServiceCode: "AmazonEC2",
        Filters: [
          { Type: "TERM_MATCH", Field: "regionCode", Value: region },
          { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
          { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
          { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
          { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
        ],
        MaxResults: 100,
        NextToken: next,
      }),
    );
    for (const raw of page.PriceList ?? []) {
      const item = JSON.parse(String(raw)) as AwsPriceItem;
      const type = item.product?.attributes?.instanceType;
      const usd = Object.values(item.terms?.OnDemand ?? {})
        .flatMap((term) => Object.values(term.priceDimensions ?? {}))
        .map((d) => Number(d.pricePerUnit?.USD))
        .find((n) => Number.isFinite(n) && n > 0);
      if (type && usd !== undefined) prices.set(type, usd);
    }
    next = page.NextToken;
  } while (next);
  return prices;
}

type AwsPriceItem = {
  product?: { attributes?: { instanceType?: string } };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, { pricePerUnit?: { USD?: string } }> }> };
};

/** One price per offer, eight calls at a time; undefined as soon as one fails (then nothing is priced). */
async function pricesOrNothing<T>(offers: T[], price: (o: T) => Promise<number>): Promise<(number | null)[] | undefined> {
  const out: (number | null)[] = [];
  try {
    for (let i = 0; i < offers.length; i += 8) out.push(...(await Promise.all(offers.slice(i, i + 8).map(price))));
    return out;
  } catch {
    return undefined;
  }
}

function priced(
  offers: Omit<InstanceOffer, "monthlyPrice" | "currency">[],
  prices: (number | null)[] | undefined,
  currency: "CNY" | "USD",
): Catalogue {
  return {
    offers: offers.map((o, i) => ({ ...o, monthlyPrice: prices?.[i] ?? null, currency: prices?.[i] != null ? currency : null })),
    priced: prices !== undefined,
  };
}

export type HostShape = { cores: number | undefined; memoryBytes: number | undefined };
export type Recommendation = {
  needs: { vcpus: number; memoryGiB: number } | null;
  offer: InstanceOffer | null;
  /** why, as a code and its arguments (the console words it) */
  reason: { code: "CheapestCovering" | "SmallestCovering" | "NoneCovers" | "NoInventory"; args: Record<string, string | number> };
};

/**
 * The instance for a host: one whose vCPUs and memory cover the host's with
 * `headroomPercent` to spare; the cheapest such when prices are known, else
 * the smallest (fewest vCPUs, then least memory).
 */
export function recommend(host: HostShape, catalogue: Catalogue, headroomPercent: number): Recommendation {
  if (!host.cores || !host.memoryBytes) return { needs: null, offer: null, reason: { code: "NoInventory", args: {} } };
  const factor = 1 + headroomPercent / 100;
  const needs = {
    vcpus: Math.ceil(host.cores * factor),
    memoryGiB: Math.ceil((host.memoryBytes / 2 ** 30) * factor * 10) / 10,
  };
  const covering = catalogue.offers.filter((o) => o.vcpus >= needs.vcpus && o.memoryGiB >= needs.memoryGiB);
  const byPrice = catalogue.priced && covering.every((o) => o.monthlyPrice !== null);
  const [offer] = covering.sort((x, y) =>
    byPrice
      ? (x.monthlyPrice as number) - (y.monthlyPrice as number) || x.vcpus - y.vcpus
      : x.vcpus - y.vcpus || x.memoryGiB - y.memoryGiB || x.type.localeCompare(y.type),
  );
  const args = {
    cores: host.cores,
    hostMemoryGiB: Math.round((host.memoryBytes / 2 ** 30) * 10) / 10,
    headroomPercent,
    needVcpus: needs.vcpus,
    needMemoryGiB: needs.memoryGiB,
  };
  if (!offer) return { needs, offer: null, reason: { code: "NoneCovers", args } };
  return { needs, offer, reason: { code: byPrice ? "CheapestCovering" : "SmallestCovering", args: { ...args, type: offer.type } } };
}
