/**
 * The plans catalog: what each marketplace SKU buys. An SKU missing here is
 * refused at purchase (the buyer is told, the marketplace is not asked to retry).
 */
export type Plan = {
  id: "basic" | "standard" | "enterprise";
  /** managed hosts the tenant may enrol */
  maxHosts: number;
  features: readonly ("discovery" | "checks" | "sizing" | "api")[];
};

export const plans: Record<Plan["id"], Plan> = {
  basic: { id: "basic", maxHosts: 10, features: ["discovery"] },
  standard: { id: "standard", maxHosts: 100, features: ["discovery", "checks", "sizing"] },
  enterprise: { id: "enterprise", maxHosts: 5000, features: ["discovery", "checks", "sizing", "api"] },
};

/** Marketplace SKU codes (as configured in each seller console) → plan; a Map, so "constructor" is no SKU. */
const skus = new Map<string, Plan["id"]>([
  ["skyport-basic", "basic"],
  ["skyport-standard", "standard"],
  ["skyport-enterprise", "enterprise"],
]);

export function planForSku(sku: string): Plan | undefined {
  const id = skus.get(sku);
  return id && plans[id];
}

/** A subscription's plan by its id (as stored), or undefined for an id the catalogue does not know. */
export function planById(id: string | null | undefined): Plan | undefined {
  return id && Object.hasOwn(plans, id) ? plans[id as Plan["id"]] : undefined;
}

/** The smallest plan with more hosts than `hosts`, to name in a refusal; undefined at the top. */
export function planWithMoreHosts(hosts: number): Plan | undefined {
  return Object.values(plans)
    .filter((p) => p.maxHosts > hosts)
    .sort((a, b) => a.maxHosts - b.maxHosts)[0];
}
