import { globSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dimensionOf, metricById, metricIds, metrics, planById, planForSku, plans } from "./index";

// Every plan id, SKU, Stripe price and metric the code names must be declared
// in the catalogue: scan the sources for the shapes they are named in.
const sources = globSync("{lib,app,components,agent,prisma,scripts}/**/*.{ts,tsx,sql}", {
  exclude: (f) => f.includes("generated") || f.includes("node_modules"),
})
  .filter((f) => !f.startsWith("lib/billing/") && !/\.test\.tsx?$/.test(f))
  .map((f) => [f, readFileSync(f, "utf8")] as const);

function named(pattern: RegExp) {
  const found = new Map<string, string>();
  for (const [file, text] of sources) for (const m of text.matchAll(pattern)) found.set(m[1] as string, file);
  return found;
}

describe("the catalogue", () => {
  it("declares every metric the code records", () => {
    // INSERT INTO usage_events … 'metric', and metric: "…" in TypeScript
    const used = new Map([
      // the metric is the second value: (tenant, metric, …)
      ...named(/INSERT INTO usage_events[^;]*?(?:VALUES \(|SELECT )[^,]+, '([a-z_]+)'/gs),
      ...named(/\bmetric: "(?!asc"|desc")([a-z_]+)"/g), // not an orderBy's direction
      ...named(/\bbills: "([a-z_]+)"/g),
    ]);
    expect(used.size).toBeGreaterThan(0);
    for (const [metric, file] of used) expect(metricById(metric), `${metric} in ${file}`).toBeDefined();
  });

  it("declares every SKU the code or the sandbox sells", () => {
    const used = named(/\b(?:sku|skuId|dimension|Dimension): "([^"]+)"/g);
    for (const [sku, file] of used) expect(planForSku("aliyun", sku) ?? planForSku("aws", sku), `${sku} in ${file}`).toBeDefined();
  });

  it("declares every plan id the code names", () => {
    const used = named(/\bplan: "([a-z]+)"/g);
    for (const [plan, file] of used) expect(planById(plan), `${plan} in ${file}`).toBeDefined();
  });

  it("declares every Stripe price the code names", () => {
    const used = named(/"(skyport_[a-z]+_monthly)"/g);
    const declared = new Set(Object.values(plans).map((p) => p.stripePrice));
    for (const [price, file] of used) expect(declared.has(price), `${price} in ${file}`).toBe(true);
  });

  it("keeps SKUs, prices and dimensions unique, and bills only what Alibaba can take", () => {
    const all = Object.values(plans);
    expect(new Set(all.map((p) => p.skus.aliyun)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.skus.aws)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.stripePrice)).size).toBe(all.length);
    for (const channel of ["aliyun", "aws", "direct"] as const) {
      const dims = metricIds.map((m) => dimensionOf(m, channel)).filter(Boolean);
      expect(new Set(dims).size, channel).toBe(dims.length);
    }
    // Alibaba takes integer values only
    for (const m of metricIds) if (metrics[m].billedAs.aliyun) expect(metrics[m].integer, m).toBe(true);
  });

  it("answers an SKU per channel and refuses names that are not its own", () => {
    expect(planForSku("aliyun", "skyport-basic")?.id).toBe("basic");
    expect(planForSku("aws", "constructor")).toBeUndefined();
    expect(metricById("constructor")).toBeUndefined();
    expect(planById("__proto__")).toBeUndefined();
  });
});
