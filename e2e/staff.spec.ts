import { expect, test } from "@playwright/test";
import { signedQuery } from "../lib/gateway/sign-request";
import { e2e } from "../playwright.config";
import { e2eSecrets } from "./secrets";

async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole("button", { name: /Sign in|登录/ }).click();
}

test("an ISV admin signs in and sees the tenant list", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin|\/signin\?next=\/admin/);
  await signIn(page, "admin@skyport.local", e2e.password);
  await page.waitForURL((url) => url.pathname === "/admin"); // not a regex: /signin?next=/admin ends in /admin too
  await page.goto("/admin/tenants?sort=oldest");
  // channels and plans by name, not code; each demo tenant's row by its whole account (other tests' tenants may contain "1001")
  const row = (account: string) => page.getByTestId("tenant-row").filter({ has: page.getByRole("cell", { name: account, exact: true }) });
  await expect(row("1001").getByRole("cell", { name: "Alibaba", exact: true })).toBeVisible();
  await expect(row("1001")).toContainText("Standard");
  await expect(row("demo-direct")).toContainText("Direct");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin?next=/admin");
  await signIn(page, "admin@skyport.local", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /Wrong email or password|邮箱或密码错误/ })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
});

test("support opens /ops, finds a gateway call by traceId, and may not open /admin", async ({ page, request }) => {
  const traceId = `e2e-lookup-${Date.now()}`;
  const userinfo = { uid: "demo-direct", parentUid: "demo-direct", accountType: "main", marketplace: "direct" };
  const call = await request.get(`/api/DescribeTenant?${signedQuery(e2eSecrets().directKey, "DescribeTenant", userinfo, {}, traceId)}`);
  expect((await call.json()).code).toBe("OK");

  await page.goto("/ops");
  await signIn(page, "support@skyport.local", e2e.password);
  await expect(page).toHaveURL(/\/ops$/);
  await page.getByPlaceholder(/traceId/).fill(traceId);
  await page.getByRole("button", { name: /Find|查询/ }).click();
  const row = page.getByTestId("trace-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("DescribeTenant");
  await expect(row).toContainText("OK");

  await page.goto("/admin");
  await expect(page.getByRole("alert").filter({ hasText: /may not open|无权/ })).toBeVisible();
});

test("signed in from the sign-in page itself (as after signing out), each role lands in its own area", async ({ browser }) => {
  for (const [email, area] of [
    ["support@skyport.local", "/ops"],
    ["admin@skyport.local", "/admin"],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/signin");
    await signIn(page, email, e2e.password);
    await page.waitForURL((url) => url.pathname === area);
    await context.close();
  }
});

test("the sign-in page names a throttled sign-in by its code, in minutes, and never echoes the query", async ({ page }) => {
  await page.goto("/signin?error=throttled&minutes=5&next=/admin");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(alert).toHaveText(/try again in 5 minutes|请 5 分钟后重试/);
  await page.goto("/signin?error=throttled&minutes=1");
  await expect(alert).toHaveText(/try again in 1 minute\.|请 1 分钟后重试/);
  await page.goto(`/signin?error=${encodeURIComponent("Call +1 555 0100 to unlock")}&minutes=${encodeURIComponent("<b>5</b>")}`);
  await expect(alert).toHaveText(/Wrong email or password|邮箱或密码错误/);
  await expect(page.getByText("555 0100")).toHaveCount(0);
});

test("five wrong passwords for one account, and the sixth attempt is refused as throttled, even with no such account", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.com`;
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto("/signin?next=/admin");
    await page.getByLabel(/Email|邮箱/).fill(email);
    await page.getByLabel(/Password|密码/).fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: /Sign in|登录/ }).click();
    const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)');
    await expect(alert).toHaveText(attempt <= 5 ? /Wrong email or password|邮箱或密码错误/ : /Too many attempts|尝试次数过多/);
  }
});

test("support sees a call refused before its signature verified marked as unauthenticated", async ({ page, request }) => {
  const traceId = `e2e-unsigned-${Date.now()}`;
  const userinfo = { uid: "demo-direct", parentUid: "demo-direct", accountType: "main", marketplace: "direct" };
  const forged = { ...e2eSecrets().directKey, secret: "not-the-direct-secret-at-all" };
  const call = await request.get(`/api/DescribeTenant?${signedQuery(forged, "DescribeTenant", userinfo, {}, traceId)}`);
  expect((await call.json()).code).toBe("InvalidSignature");

  await page.goto("/ops");
  await signIn(page, "support@skyport.local", e2e.password);
  await page.getByPlaceholder(/traceId/).fill(traceId);
  await page.getByRole("button", { name: /Find|查询/ }).click();
  const row = page.getByTestId("trace-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("trace-unauthenticated")).toContainText(/Unauthenticated|未认证/);
});
