import { mkdirSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";

const password = "a-long-buyer-password";
/** the page's own alerts (Next's route announcer is an empty role=alert too) */
const alerts = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');
const screens = ".reports/screens";
mkdirSync(screens, { recursive: true });

/** Signs up on /account/signup from /pricing; the verification link goes to the sandbox's outbox. */
async function signUp(page: Page, email: string) {
  await page.goto("/pricing");
  await page
    .getByTestId("plan-standard")
    .getByRole("link", { name: /Start free trial|开始免费试用/ })
    .click();
  await expect(page).toHaveURL(/\/account\/signup$/);
  await page.getByLabel(/Company|公司/).fill("Acme Migration Ltd");
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/^Password$|^密码$/).fill(password);
  await page.getByRole("button", { name: /Create account|创建账号/ }).click();
  await expect(page.getByRole("status")).toContainText(/Check your email|请查收邮件/);
}

/** Signs up and opens the verification link from the sandbox's outbox (no mail is sent in development). */
async function signUpAndVerify(page: Page, email: string) {
  await signUp(page, email);
  await page.goto("/sandbox/mail");
  const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) });
  const link = await mail.first().getByTestId("mail-link").getAttribute("href");
  expect(link).toContain("/account/verify?token=");
  await page.goto(link as string);
  await expect(page).toHaveURL(/\/console\/billing$/);
}

async function signIn(browser: Browser, email: string, locale: "en" | "zh-CN") {
  const context = await browser.newContext({
    locale,
    extraHTTPHeaders: { "accept-language": locale === "zh-CN" ? "zh-CN,zh;q=0.9" : "en" },
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/account/signin");
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole("button", { name: /^Sign in$|^登录$/ }).click();
  await page.waitForURL((url) => url.pathname === "/console");
  return { context, page };
}

test("a direct buyer signs up, verifies, pays through Stripe's hosted checkout and lands in /console with the plan active", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = `buyer-${Date.now()}@example.com`;
  await signUpAndVerify(page, email);
  // signed in, with a tenant and no plan yet
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Migration Ltd");
  await expect(alerts(page).filter({ hasText: /Choose a plan to start|请选择套餐/ })).toBeVisible();
  await expect(page.getByTestId("stripe-invoices")).toContainText(/No invoices yet|暂无发票/);

  await page.getByTestId("checkout-plan").selectOption("standard");
  await page.getByRole("button", { name: /Continue to checkout|前往结账/ }).click();
  await page.waitForURL(/\/sandbox\/emulators\/stripe\/checkout\/cs_test_/);
  await expect(page.getByTestId("checkout-amount")).toHaveText("$299.00 per month, after a 14-day free trial");
  await page.getByRole("button", { name: "Pay" }).click();

  await page.waitForURL(/\/console\/billing\?checkout=done$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);
  await expect(page.getByTestId("stripe-subscription")).toContainText(/Trial|试用中/);
  const invoice = page.getByTestId("stripe-invoices").locator("tbody tr").first();
  await expect(invoice).toContainText(/Paid|已支付/);
  await expect(invoice.getByRole("link", { name: /View|查看/ })).toHaveAttribute("href", /\/sandbox\/emulators\/stripe\/invoices\/in_/);

  await page.goto("/console");
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);
  await expect(alerts(page)).toHaveCount(0); // active: neither "choose a plan" nor "lapsed"

  // two (simulated) hosts report through a download link of this tenant: their host-hours show on the billing page, charted
  await page.goto("/console/hosts/add");
  await page.getByRole("button", { name: "Create download link" }).click();
  const link = (await page.getByTestId("download-link").getByRole("link").textContent()) as string;
  await page.goto("/sandbox/hosts");
  await page.getByLabel("Download link").fill(link);
  await page.getByLabel("Simulated hosts").fill("2");
  await page.getByRole("button", { name: "Simulate hosts" }).click();
  await expect(page.getByRole("status")).toContainText("2 simulated hosts enrolled", { timeout: 30_000 });
  await page.goto("/console/billing");
  // host-hours are written in batches (2 s): look again until they are in
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("usage-managed_host_hours").getByTestId("usage-total")).toHaveText(/^[2-4]$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("usage-chart").first().locator("svg.recharts-surface")).toBeVisible();
  await page.goto("/sandbox/hosts");
  await page.getByRole("button", { name: "Stop all" }).click();

  // signing in again later, in either language; the screenshots
  for (const locale of ["en", "zh-CN"] as const) {
    const { context, page: signedIn } = await signIn(browser, email, locale);
    await expect(signedIn.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);
    await signedIn.goto("/console/billing");
    await expect(signedIn.getByTestId("stripe-invoices").locator("tbody tr")).toHaveCount(1);
    await signedIn.screenshot({ path: `${screens}/console-billing-${locale}.png`, fullPage: true });
    await signedIn.goto("/pricing");
    await signedIn.screenshot({ path: `${screens}/pricing-${locale}.png`, fullPage: true });
    await context.close();
  }
});

test("cancelling in Stripe's portal closes the plan, and Checkout is offered again", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `portal-${Date.now()}@example.com`;
  await signUpAndVerify(page, email);
  await page.getByTestId("checkout-plan").selectOption("basic");
  await page.getByRole("button", { name: /Continue to checkout|前往结账/ }).click();
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/console\/billing\?checkout=done$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Basic|基础版)$/);

  await page.getByRole("button", { name: /Open the billing portal|打开账单门户/ }).click();
  await page.waitForURL(/\/sandbox\/emulators\/stripe\/portal\/bps_/);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("link", { name: "Return" }).click();
  await page.waitForURL(/\/console\/billing$/);
  await expect(page.getByTestId("stripe-subscription")).toContainText(/Cancelled|已取消/);
  await expect(page.getByRole("button", { name: /Continue to checkout|前往结账/ })).toBeVisible();
  await expect(alerts(page).filter({ hasText: /released|已释放/ })).toBeVisible();
});

test("a wrong password or an unverified email is refused on /account/signin, never with a 500", async ({ page }) => {
  await page.goto("/account/signin");
  await page.getByLabel(/Email|邮箱/).fill(`nobody-${Date.now()}@example.com`);
  await page.getByLabel(/Password|密码/).fill("whatever-password");
  await page.getByRole("button", { name: /^Sign in$|^登录$/ }).click();
  await expect(alerts(page)).toContainText(/Wrong email or password|邮箱或密码错误/);
  // the right password of an account whose email is not verified yet
  const unverified = `unverified-${Date.now()}@example.com`;
  await signUp(page, unverified);
  await page.goto("/account/signin");
  await page.getByLabel(/Email|邮箱/).fill(unverified);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole("button", { name: /^Sign in$|^登录$/ }).click();
  await expect(alerts(page)).toContainText(/Verify your email first|请先验证/);
  const bad = await page.goto("/account/verify?token=forged.token");
  expect(bad?.status()).toBe(400);
  await expect(alerts(page)).toContainText(/not valid or has expired/);
});
