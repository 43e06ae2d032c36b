/**
 * The catalogue: one declaration of what Skyport sells. Plans (limits,
 * features, list price, trial), the SKU each marketplace sells a plan under,
 * the Stripe price of each plan, and the metered usage: every metric, its
 * unit, and the dimension each channel bills it under. The marketplace flow,
 * enrolment limits, /pricing, the console and the metering push all read
 * this file; nothing else names a plan, SKU, price or metric.
 */

export type PlanId = "basic" | "standard" | "enterprise";
export type Feature = "discovery" | "checks" | "sizing" | "api";
export type BillingChannel = "aliyun" | "aws" | "direct";

export type Plan = {
  id: PlanId;
  /** managed hosts the tenant may enrol */
  maxHosts: number;
  /** pre-checks and rescans a calendar month (UTC) */
  maxTaskRunsPerMonth: number;
  /** sub-users (RAM/IAM users of the main account) who may open the console */
  maxSubUsers: number;
  features: readonly Feature[];
  /** list price a month, in US cents: /pricing, and the admin's revenue estimate where a marketplace reports none */
  monthlyPriceCents: number;
  /** free days before the first charge, direct sales only (marketplaces run their own trials) */
  trialDays: number;
  /** the SKU code each marketplace sells it under (Alibaba skuId, AWS contract dimension) */
  skus: Readonly<Record<"aliyun" | "aws", string>>;
  /** the Stripe Price of its monthly subscription (direct sales), by lookup key */
  stripePrice: string;
};

export const plans: Readonly<Record<PlanId, Plan>> = {
  basic: {
    id: "basic",
    maxHosts: 10,
    maxTaskRunsPerMonth: 200,
    maxSubUsers: 3,
    features: ["discovery"],
    monthlyPriceCents: 4_900,
    trialDays: 14,
    skus: { aliyun: "skyport-basic", aws: "skyport-basic" },
    stripePrice: "skyport_basic_monthly",
  },
  standard: {
    id: "standard",
    maxHosts: 100,
    maxTaskRunsPerMonth: 5_000,
    maxSubUsers: 20,
    features: ["discovery", "checks", "sizing"],
    monthlyPriceCents: 29_900,
    trialDays: 14,
    skus: { aliyun: "skyport-standard", aws: "skyport-standard" },
    stripePrice: "skyport_standard_monthly",
  },
  enterprise: {
    id: "enterprise",
    maxHosts: 5000,
    maxTaskRunsPerMonth: 200_000,
    maxSubUsers: 500,
    features: ["discovery", "checks", "sizing", "api"],
    monthlyPriceCents: 199_900,
    trialDays: 0,
    skus: { aliyun: "skyport-enterprise", aws: "skyport-enterprise" },
    stripePrice: "skyport_enterprise_monthly",
  },
};

/** An AWS SaaS subscription without a contract dimension: the plan it gets and the SKU it is stored under. */
export const awsSubscriptionWithoutContract = { plan: plans.standard, sku: "aws-subscription" } as const;

export const planIds = Object.keys(plans) as PlanId[];

/** A marketplace's SKU code → plan; a Map, so "constructor" is no SKU. */
const bySku = new Map<string, Plan>(
  Object.values(plans).flatMap((p) => [
    [`aliyun:${p.skus.aliyun}`, p],
    [`aws:${p.skus.aws}`, p],
  ]),
);

/** Every marketplace SKU with its list price a month (US cents), AWS's subscription without a contract included. */
export const marketplaceSkus: readonly { channel: "aliyun" | "aws"; sku: string; monthlyPriceCents: number }[] = [
  ...Object.values(plans).flatMap((p) =>
    (["aliyun", "aws"] as const).map((channel) => ({ channel, sku: p.skus[channel], monthlyPriceCents: p.monthlyPriceCents })),
  ),
  { channel: "aws", sku: awsSubscriptionWithoutContract.sku, monthlyPriceCents: awsSubscriptionWithoutContract.plan.monthlyPriceCents },
];

/** The plan a marketplace sells under `sku`, or undefined (refused at purchase: the buyer is told, the marketplace not asked to retry). */
export function planForSku(channel: "aliyun" | "aws", sku: string): Plan | undefined {
  return bySku.get(`${channel}:${sku}`);
}

/** A subscription's plan by its id (as stored), or undefined for an id the catalogue does not know. */
export function planById(id: string | null | undefined): Plan | undefined {
  return id && Object.hasOwn(plans, id) ? plans[id as PlanId] : undefined;
}

/** The plan whose Stripe price is `price` (a lookup key), or undefined. */
export function planForStripePrice(price: string): Plan | undefined {
  return Object.values(plans).find((p) => p.stripePrice === price);
}

/** The smallest plan with more hosts than `hosts`, to name in a refusal; undefined at the top. */
export function planWithMoreHosts(hosts: number): Plan | undefined {
  return Object.values(plans)
    .filter((p) => p.maxHosts > hosts)
    .sort((a, b) => a.maxHosts - b.maxHosts)[0];
}
