import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { newBuyer, rename, staffPage } from "./backoffice";
import { appPages } from "./pages";
import { e2eSecrets } from "./secrets";

// a shared two-core machine: sign-ins, purchases and renders take their time
test.describe.configure({ timeout: 90_000 });

const xss = "<img src=x onerror=alert(1)>";

test("an admin suspends a tenant with a reason, and the buyer's next change is refused", async ({ page, browser }, info) => {
  const buyer = await newBuyer(page);
  const admin = await staffPage(browser, "admin@skyport.local");
  await admin.goto(`/admin/tenants?q=${buyer.aliUid}`);
  await expect(admin.getByTestId("tenant-row")).toHaveCount(1);
  await admin.getByTestId("tenant-row").getByRole("link").click();
  await expect(admin).toHaveURL(/\/admin\/tenant\?id=/);
  await admin.getByRole("button", { name: "Suspend tenant" }).click(); // no reason: the browser asks for one
  await expect(admin.getByRole("status")).toHaveCount(0);
  await admin.getByTestId("suspend-reason").fill("Chargeback under review (ticket 881)");
  await admin.getByRole("button", { name: "Suspend tenant" }).click();
  await expect(admin.getByRole("status")).toContainText("Tenant suspended");
  await admin.reload();
  await expect(admin.getByTestId("suspension")).toContainText("Chargeback under review (ticket 881)");
  await expect(admin.getByRole("button", { name: "Resume tenant" })).toBeVisible();
  await admin.screenshot({ path: info.outputPath("admin-tenant-1280.png"), fullPage: true });

  await rename(page, "Changed while suspended");
  await expect(page.getByRole("alert").filter({ hasText: /suspended by the provider/ })).toBeVisible();

  await admin.getByTestId("resume-reason").fill("Chargeback withdrawn");
  await admin.getByRole("button", { name: "Resume tenant" }).click();
  await expect(admin.getByRole("status")).toContainText("Tenant resumed");
  await rename(page, "Changed after resuming");
  await expect(page.getByRole("status")).toBeVisible();
});

test("a tenant with a long name leaves every column of the tenant list in view on a 1280-pixel screen", async ({ page, browser }) => {
  const buyer = await newBuyer(page);
  const name = `Long${"n".repeat(124)}`; // the longest name a buyer may give, without a space to wrap at
  await rename(page, name);
  await expect(page.getByRole("status")).toBeVisible();
  const admin = await staffPage(browser, "admin@skyport.local");
  const sidewaysScroll = () =>
    admin.getByRole("table").evaluate((t) => (t.parentElement as HTMLElement).scrollWidth - (t.parentElement as HTMLElement).clientWidth);
  await admin.goto(`/admin/tenants?q=${buyer.aliUid}`);
  await expect(admin.getByTestId("tenant-row")).toHaveCount(1);
  expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
  await expect(admin.getByTestId("tenant-row").getByRole("link")).toHaveAttribute("title", name); // whole on hover
  await admin.goto("/admin/tenants?sort=oldest"); // every tenant this run made, too
  expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
});

test("a direct tenant's page offers only the actions that apply to it: no cloud role to verify, no marketplace to reconcile", async ({
  browser,
}) => {
  const admin = await staffPage(browser, "admin@skyport.local");
  await admin.goto("/admin/tenants?q=demo-direct");
  await admin.getByTestId("tenant-row").first().getByRole("link").click();
  const actions = admin.getByTestId("tenant-actions");
  await expect(actions.getByRole("button", { name: "Suspend tenant" })).toBeVisible();
  await expect(actions.getByRole("button")).toHaveCount(1);
  await admin.goto("/admin/tenants?q=1001");
  await admin
    .getByTestId("tenant-row")
    .filter({ has: admin.getByRole("cell", { name: "1001", exact: true }) })
    .getByRole("link")
    .click();
  await expect(admin.getByTestId("tenant-actions").getByRole("button")).toHaveCount(3);
});

test("without a verified role the console prompts for one and asks for no sizing: no refused call among the tenant's errors", async ({
  page,
  browser,
}) => {
  const buyer = await newBuyer(page);
  await page.goto("/console/hosts/sizing");
  await expect(page.getByTestId("needs-role")).toBeVisible();
  const admin = await staffPage(browser, "admin@skyport.local");
  await admin.goto(`/admin/tenants?q=${buyer.aliUid}`);
  await admin.getByTestId("tenant-row").getByRole("link").click();
  await expect(admin.getByTestId("tenant-errors")).toBeVisible();
  await expect(admin.getByTestId("tenant-errors")).not.toContainText("DescribeSizingRecommendations");
});

test("the overview's charts render with data, and the numbers beside them, in English and Chinese", async ({ browser }, info) => {
  for (const locale of ["en", "zh-CN"] as const) {
    const admin = await staffPage(browser, "admin@skyport.local", locale);
    for (const period of ["day", "month"]) {
      await admin.goto(`/admin?period=${period}`);
      for (const chart of ["overview-tenants", "overview-movement", "overview-revenue", "overview-trials"]) {
        const panel = admin.getByTestId(chart);
        await expect(panel.locator(".recharts-surface").first(), chart).toBeVisible();
        await expect(panel.locator("tbody tr").first()).toBeVisible();
      }
      await expect(admin.getByTestId("overview-tenants").locator(".recharts-line-curve").first()).toBeVisible();
      expect(Number((await admin.getByTestId("card-tenants").locator("dd").textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
      await admin.screenshot({ path: info.outputPath(`admin-overview-${period}-1280-${locale}.png`), fullPage: true });
    }
    await admin.goto("/admin/tenants?expiring=30&channel=aliyun");
    await admin.screenshot({ path: info.outputPath(`admin-tenants-1280-${locale}.png`), fullPage: true });
  }
});

test("no secret in any /admin or /ops page, a script-looking name renders as text, and bad filters answer clearly", async ({
  page,
  browser,
}) => {
  await newBuyer(page);
  await rename(page, xss);
  await expect(page.getByTestId("tenant-name")).toHaveText(xss);
  const tenantId = await page.request.get("/console/export").then(async (r) => (await r.json()).tenant.id as string);

  // every secret the test server generated for itself, and the staff password hashes' shape
  const keys = e2eSecrets();
  const secrets = [keys.directKey.secret, keys.aliyunKey.secret, keys.spiKey, keys.authSecret].concat(
    readFileSync(".data/e2e/dev-secrets.env", "utf8")
      .split("\n")
      .map((line) => line.slice(line.indexOf("=") + 1).trim())
      .filter((v) => v.length >= 12),
  );
  expect(secrets.length).toBeGreaterThan(3);

  const admin = await staffPage(browser, "admin@skyport.local");
  admin.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const routes = [
    ...appPages().filter((r) => r.startsWith("/admin") || r.startsWith("/ops")),
    `/admin/tenant?id=${tenantId}`,
    `/ops/tenant?id=${tenantId}`,
    `/admin/tenants?q=${encodeURIComponent("<img")}`,
    `/admin/tenants?q=${encodeURIComponent("' OR 1=1 --")}`,
    `/admin/tenants?size=5000&channel=${encodeURIComponent("<script>")}`,
    `/admin/tenants?after=${encodeURIComponent("'; DROP TABLE tenants; --")}`,
    `/ops?traceId=${encodeURIComponent("<script>alert(1)</script>")}&from=not-a-date`,
    `/ops/tenant?id=${encodeURIComponent("' OR '1'='1")}&kinds=nope`,
    `/admin?period=${encodeURIComponent("<b>")}`,
  ];
  for (const route of routes) {
    const response = await admin.goto(route);
    expect(response?.status(), route).toBe(200);
    const html = await admin.content();
    for (const secret of secrets) expect(html.includes(secret), `${route} shows a secret`).toBe(false);
    expect(html, route).not.toMatch(/scrypt\$\d+\$/);
    expect(html, route).not.toContain("<script>alert(1)</script>");
    expect(await admin.locator("img[src='x']").count(), route).toBe(0);
  }
  await admin.goto(`/admin/tenant?id=${tenantId}`);
  await expect(admin.getByTestId("tenant-name")).toHaveText(xss);
  await admin.goto(`/admin/tenants?size=5000`);
  await expect(admin.getByTestId("filter-error")).toContainText("size");
  await admin.goto(`/ops?from=not-a-date`);
  await expect(admin.getByTestId("filter-error")).toContainText("from");
});

test("an admin invites a support member, who sets a password with the link and signs in; disabled, they are out at the next page", async ({
  browser,
}) => {
  const admin = await staffPage(browser, "admin@skyport.local");
  const email = `invited-${Date.now()}@example.com`;
  await admin.goto("/admin/staff");
  const invite = admin.getByTestId("staff-invite");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Invited Member");
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = (await invite.getByRole("status").getByRole("link").textContent()) as string;
  expect(link).toMatch(/\/staff\/invite\?token=[\w-]{43}$/);

  const member = await browser.newPage();
  await member.goto(new URL(link).pathname + new URL(link).search);
  await member.getByLabel("Password").fill("a-long-enough-password");
  await member.getByRole("button", { name: "Set password" }).click();
  await expect(member.getByRole("status")).toContainText("Your password is set");
  await member.goto("/signin?next=/ops");
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill("a-long-enough-password");
  await member.getByRole("button", { name: "Sign in" }).click();
  await member.waitForURL((url) => url.pathname === "/ops");

  await admin.reload();
  const row = admin.getByTestId("staff-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toContainText("Saved");
  await member.goto("/ops/health");
  await expect(member).toHaveURL(/\/signin/);
});

test("the CSV export reads its filters as the page does: the first of a repeated key, and a NUL refused, not a 500", async ({
  browser,
}) => {
  const admin = await staffPage(browser, "admin@skyport.local");
  const csv = await admin.request.get("/admin/tenants/export?channel=direct&channel=aliyun");
  expect(csv.status()).toBe(200);
  const rows = (await csv.text()).trim().split("\r\n").slice(1);
  expect(rows.length).toBeGreaterThan(0);
  // every field is quoted (a name may hold a comma): the third is the channel
  const fields = (row: string) => [...row.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);
  for (const row of rows) expect(fields(row)[2]).toBe("direct");
  expect((await admin.request.get("/admin/tenants/export?q=a%00")).status()).toBe(400);
  await admin.goto("/admin/tenants?q=a%00");
  await expect(admin.getByTestId("filter-error")).toBeVisible();
  await admin.context().close();
});
