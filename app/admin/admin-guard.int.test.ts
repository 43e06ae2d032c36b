import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDatabase, type Database } from "@/lib/db";
import { translator } from "@/lib/i18n";
import { createTenant } from "@/test/factories";

// Every page, route handler and server action under app/admin (and every page
// under app/ops), found in the file tree so that a new one is covered: each is
// called as nobody and as a support member, and must refuse.

const session: { user?: { id: string; role: string; email: string } } = {};
let db: Database;

vi.mock("@/lib/auth", async (original) => ({
  ...(await original<object>()),
  auth: async () => (session.user ? { user: session.user } : null),
}));
vi.mock("@/lib/runtime", async (original) => ({
  ...(await original<object>()),
  runtime: () => ({ db, traces: { flush: async () => {} }, config: {}, endpoints: {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => translator("en") }));

const root = path.resolve(import.meta.dirname, "../..");
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [path.join(dir, e.name)] : [],
  );
}
const under = (area: string) => files(path.join(root, "app", area));
const pages = (area: string) => under(area).filter((f) => /(page|layout)\.tsx$/.test(f));
const routes = under("admin").filter((f) => f.endsWith("route.ts"));
const actionModules = under("admin").filter((f) => /^["']use server["']/.test(readFileSync(f, "utf8").trimStart()));
const rel = (f: string) => path.relative(root, f);

/** What a call ended in: a redirect's target, or the value it answered. */
async function outcome(call: () => unknown): Promise<{ redirect?: string; value?: unknown }> {
  try {
    return { value: await call() };
  } catch (err) {
    const digest = (err as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw err;
  }
}

async function staffMember(role: "isv_admin" | "support") {
  const email = `${role}-${randomUUID().slice(0, 8)}@skyport.test`;
  const s = await db.platformDb.staff.create({ data: { email, name: role, role, passwordHash: "not-a-hash" } });
  return { id: s.id, role, email };
}

const pageArgs = { params: Promise.resolve({}), searchParams: Promise.resolve({}), children: null };

beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 4);
});
afterAll(() => db.close());

describe("/admin refuses everyone but ISV admins", () => {
  it("finds the pages, routes and server actions it checks", () => {
    expect(pages("admin").map(rel)).toContain("app/admin/page.tsx");
    expect(routes.map(rel)).toContain("app/admin/tenants/export/route.ts");
    expect(actionModules.map(rel)).toContain("app/admin/actions.ts");
  });

  for (const who of ["nobody", "support"] as const) {
    it(`every page and layout sends ${who} to sign-in`, async () => {
      session.user = who === "support" ? await staffMember("support") : undefined;
      for (const file of pages("admin")) {
        const page = (await import(file)).default as (args: typeof pageArgs) => unknown;
        const r = await outcome(() => page(pageArgs));
        expect(r.redirect, rel(file)).toBe(who === "support" ? "/signin?error=forbidden&next=/admin" : "/signin?next=/admin");
      }
    });

    it(`every route handler refuses ${who}`, async () => {
      session.user = who === "support" ? await staffMember("support") : undefined;
      for (const file of routes) {
        const handlers = Object.entries(await import(file)).filter(([name]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
        expect(handlers.length, rel(file)).toBeGreaterThan(0);
        for (const [name, handler] of handlers) {
          const r = await outcome(() => (handler as (req: Request) => Promise<Response>)(new Request("http://localhost/admin/x")));
          if (who === "nobody") expect(r.redirect, `${rel(file)} ${name}`).toBe("/signin?next=/admin");
          else expect((r.value as Response).status, `${rel(file)} ${name}`).toBe(403);
        }
      }
    });
  }

  it("every server action sends nobody to sign-in, and refuses support (403) with the attempt audited and nothing changed", async () => {
    const tenant = await createTenant(db.platformDb);
    const form = new FormData();
    form.set("tenantId", tenant.id);
    form.set("reason", "trying what my role may not");
    for (const file of actionModules) {
      const actions = Object.entries(await import(file)).filter(([, f]) => typeof f === "function") as [
        string,
        (p: null, f: FormData) => unknown,
      ][];
      expect(actions.length, rel(file)).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        session.user = undefined;
        expect((await outcome(() => action(null, form))).redirect, `${name} as nobody`).toBe("/signin?next=/admin");
        const support = await staffMember("support");
        session.user = support;
        const r = await outcome(() => action(null, form));
        expect(r.value, `${name} as support`).toEqual({ ok: false, text: translator("en")("admin.actions.forbidden") });
        const audited = await db.platformDb.platformAuditEvent.count({
          where: { actor: `staff:${support.email}`, action: "staff.action.refused" },
        });
        expect(audited, `${name} audited`).toBe(1);
      }
    }
    const after = await db.platformDb.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(after.suspendedAt).toBeNull();
  });

  it("a disabled admin is treated as nobody at once", async () => {
    const admin = await staffMember("isv_admin");
    await db.platformDb.staff.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    session.user = admin;
    const { default: page } = await import("./page");
    expect((await outcome(() => page(pageArgs as never))).redirect).toBe("/signin?next=/admin");
  });
});

describe("/ops", () => {
  it("every page and layout sends nobody to sign-in", async () => {
    session.user = undefined;
    expect(pages("ops").length).toBeGreaterThan(3);
    for (const file of pages("ops")) {
      const page = (await import(file)).default as (args: typeof pageArgs) => unknown;
      expect((await outcome(() => page(pageArgs))).redirect, rel(file)).toBe("/signin?next=/ops");
    }
  });

  it("opening a tenant writes exactly one access-audit entry: who, which tenant, when, why", async () => {
    const tenant = await createTenant(db.platformDb);
    const support = await staffMember("support");
    session.user = support;
    const { default: page } = await import("../ops/tenant/page");
    const before = new Date();
    await page({ searchParams: Promise.resolve({ id: tenant.id, reason: "ticket 4711" }) });
    const entries = await db.platformDb.platformAuditEvent.findMany({
      where: { action: "ops.tenant.viewed", target: `tenant:${tenant.id}` },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: `staff:${support.email}`, payload: { staffId: support.id, reason: "ticket 4711" } });
    expect(entries[0]?.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    await page({ searchParams: Promise.resolve({ id: tenant.parentUid }) }); // by its account id: a second opening
    expect(await db.platformDb.platformAuditEvent.count({ where: { action: "ops.tenant.viewed", target: `tenant:${tenant.id}` } })).toBe(2);
    await page({ searchParams: Promise.resolve({ id: randomUUID() }) });
    await page({ searchParams: Promise.resolve({ id: "'; DROP TABLE tenants; --" }) });
    // unknown or malformed: nothing opened, nothing written
    expect(await db.platformDb.platformAuditEvent.count({ where: { action: "ops.tenant.viewed", actor: `staff:${support.email}` } })).toBe(
      2,
    );
  });
});
