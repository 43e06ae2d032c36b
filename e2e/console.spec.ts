import { expect, test } from "@playwright/test";
import { sealConsoleSession } from "../lib/auth/console-session";
import { signedQuery } from "../lib/gateway/sign-request";
import { e2e } from "../playwright.config";
import { authorizationLink } from "./cloud-access";
import { e2eSecrets } from "./secrets";

const demoBuyer = { channel: "direct" as const, uid: "demo-direct", parentUid: "demo-direct" };

test("a buyer without a session is told how to get in", async ({ page }) => {
  await page.goto("/console");
  await expect(page.getByText(/Open Skyport from your cloud console|请从云控制台/)).toBeVisible();
});

test("/console renders the demo tenant through the gateway, and a profile change is audited", async ({ page }) => {
  await page.goto("/console/demo");
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo direct customer");
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);

  await page.getByRole("link", { name: /^Settings$|^设置$/ }).click();
  await page.getByLabel(/^Name$|名称/).fill("Demo direct, renamed");
  await page
    .getByRole("button", { name: /Save|保存/ })
    .first()
    .click();
  await expect(page.getByRole("status")).toContainText(/Profile saved|资料已保存/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo direct, renamed");
  // the message belonged to that save: another page does not repeat it
  await page.getByRole("link", { name: /^Audit log$|^操作审计$/ }).click();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(page.getByTestId("audit-row").first()).toContainText(/Profile updated|修改资料/);
});

test("a direct tenant whose plan was not bought through Stripe is told so, not that it has no plan", async ({ page }) => {
  await page.goto("/console/demo");
  await page.goto("/console/billing");
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);
  const panel = page.getByTestId("stripe-subscription");
  await expect(panel).toContainText(/Your Standard plan is not billed through Stripe|您当前的标准版套餐不经由 Stripe 计费/);
  await expect(panel).not.toContainText(/no plan yet|还没有套餐/);
});

test("a direct tenant's console points to its billing where a marketplace tenant's shows its orders", async ({ page }) => {
  const nav = page.getByRole("navigation");
  await page.goto("/console/demo");
  await expect(
    page.getByText(/Your plan, its Stripe subscription and your invoices are on the Billing page|您的套餐、Stripe 订阅和发票都在/),
  ).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Orders$|^订单$/ })).toHaveCount(0);
  await page.goto("/console/demo?tenant=aliyun");
  await expect(page.getByText(/Recent marketplace events|最近的云市场事件/)).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Orders$|^订单$/ })).toHaveCount(1);
});

test("the console speaks Chinese to a Chinese browser and switches language on request", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/console/demo?tenant=aliyun");
  await expect(page.getByText("套餐").first()).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByText("Plan").first()).toBeVisible();
  await context.close();
});

test("a malformed console cookie means 'not signed in', never an error", async ({ browser }) => {
  const [body] = sealConsoleSession(e2eSecrets().authSecret, demoBuyer).split(".");
  const notJson = Buffer.from("{not json").toString("base64url");
  for (const value of [`${body}.${"é".repeat(43)}`, `${notJson}.${"x".repeat(43)}`, "garbage"]) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "skyport_console", value: encodeURIComponent(value), url: e2e.baseURL }]);
    const page = await context.newPage();
    const res = await page.goto("/console");
    expect(res?.status(), value).toBe(200);
    await expect(page.getByText(/Open Skyport from your cloud console|请从云控制台/)).toBeVisible();
    await context.close();
  }
});

test("text in the URL is never shown as the product's message", async ({ page }) => {
  await page.goto("/console/demo?tenant=aliyun");
  for (const path of ["/console", "/console/cloud", "/console/settings"]) {
    await page.goto(`${path}?error=${encodeURIComponent("Your account is locked: call +1 555 0100")}&link=https://evil.example/&saved=1`);
    await expect(page.getByText("call +1 555 0100")).toHaveCount(0);
    await expect(page.locator('a[href^="https://evil.example"]')).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveCount(0);
  }
});

test("/console/export for a session whose tenant does not exist answers 403 with a code, not 500", async ({ browser }) => {
  const context = await browser.newContext();
  const ghost = { channel: "aliyun" as const, uid: `ghost${Date.now()}`, parentUid: `ghost${Date.now()}` };
  await context.addCookies([{ name: "skyport_console", value: sealConsoleSession(e2eSecrets().authSecret, ghost), url: e2e.baseURL }]);
  const res = await context.request.get("/console/export");
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ code: "TenantNotFound", message: expect.stringContaining("No Skyport subscription") });
  const page = await context.newPage();
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /No Skyport subscription|没有 Skyport 订阅/ })).toBeVisible();
  await context.close();
});

test("signing out ends the console session", async ({ page }) => {
  await page.goto("/console/demo");
  await page.getByRole("button", { name: /^Sign out$|^退出$/ }).click();
  await expect(page.getByText(/Open Skyport from your cloud console|请从云控制台/)).toBeVisible();
  await page.goto("/console/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(0);
  await expect(page.getByText(/Open Skyport from your cloud console|请从云控制台/)).toBeVisible();
});

test("switching language keeps the page's query (the authorization page stays valid) and sets <html lang>", async ({ page }) => {
  await page.goto("/console/demo?tenant=aliyun");
  await page.goto(await authorizationLink(page));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "授权" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("token")).toBeTruthy();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Authorize" })).toBeVisible();
});

test("the audit log pages through older changes, with labels instead of codes", async ({ page, request }) => {
  const userinfo = { uid: "demo-direct", parentUid: "demo-direct", accountType: "main", marketplace: "direct" };
  for (let i = 0; i < 21; i++) {
    const params = { contactEmail: `owner+${i}@demo.example` };
    const res = await request.get(
      `/api/UpdateTenantProfile?${signedQuery(e2eSecrets().directKey, "UpdateTenantProfile", userinfo, params, `e2e-audit-${Date.now()}-${i}`)}`,
    );
    expect((await res.json()).code).toBe("OK");
  }
  await page.goto("/console/demo");
  await page.goto("/console/audit");
  await expect(page.getByTestId("audit-row")).toHaveCount(20);
  await expect(page.getByTestId("audit-row").first()).toContainText("Profile updated");
  await expect(page.getByText("tenant.profile.updated")).toHaveCount(0);
  await page.getByRole("link", { name: /^Older$|^更早$/ }).click();
  await expect(page).toHaveURL(/\/console\/audit\?after=/);
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await page.getByRole("link", { name: /^Newest$|^最新$/ }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(20);
  // a cursor the action refuses (an old or edited link) says so, and leads back to the newest page
  for (const list of ["audit", "orders"]) {
    await page.goto(`/console/${list}?after=garbage`);
    await expect(page.getByRole("alert").filter({ hasText: /check them and try again|请检查/ })).toBeVisible();
    await page.getByRole("link", { name: /^Newest$|^最新$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/console/${list}$`));
  }
});

test("a failed authorization return says why and gives the trace ID, once, from the product's own words", async ({ page }) => {
  await page.goto("/console/demo?tenant=aliyun");
  await page.goto(`/console/cloud-return?token=not-a-real-token&state=${encodeURIComponent("Pay here: https://evil.example")}`);
  await expect(page).toHaveURL(/\/console\/cloud$/);
  const alert = page.getByRole("alert").filter({ hasText: /another account|其他账号/ });
  await expect(alert).toContainText(/Trace ID web-|追踪 ID web-/);
  await expect(page.getByText("evil.example")).toHaveCount(0);
  await page.reload();
  await expect(alert).toHaveCount(0);
});
