import { expect, test } from "@playwright/test";
import { newBuyer, rename, staffPage } from "./backoffice";
import { marketplace } from "./pages";

// a shared two-core machine: sign-ins, purchases and renders take their time
test.describe.configure({ timeout: 90_000 });

test("support finds a failing call by the traceId a buyer quoted, and sees the tenant's timeline", async ({ page, browser }, info) => {
  const buyer = await newBuyer(page);
  await marketplace(page, buyer, /^Expire$|^到期$/, "expiredInstance");
  await rename(page, "Changed while lapsed");
  const alert = page.getByRole("alert").filter({ hasText: /renew it to make changes/ });
  await expect(alert).toBeVisible();
  const quoted = new URL((await alert.getByTestId("trace-link").getAttribute("href")) as string, "http://x").searchParams.get(
    "traceId",
  ) as string;
  expect(quoted).toMatch(/^[\w-]{8,64}$/);

  const support = await staffPage(browser, "support@skyport.local");
  await support.getByPlaceholder(/traceId/).fill(quoted);
  await support.getByRole("button", { name: /Find|查询/ }).click();
  const detail = support.getByTestId("trace-detail");
  await expect(detail).toContainText("UpdateTenantProfile");
  await expect(detail).toContainText("EntitlementExpired");
  await support.screenshot({ path: info.outputPath("ops-trace-1280.png"), fullPage: true });

  await detail.getByRole("link", { name: /timeline|时间线/ }).click();
  await expect(support.getByTestId("tenant-name")).toBeVisible();
  const timeline = support.getByTestId("timeline-entry");
  await expect(timeline.filter({ hasText: quoted })).toHaveAttribute("data-kind", "error");
  await expect(timeline.filter({ hasText: /Purchased/ }).first()).toBeVisible();
  await expect(timeline.filter({ hasText: /Expired/ }).first()).toBeVisible();
  await support.getByRole("link", { name: /^Gateway error$/ }).click();
  await expect(support.getByTestId("timeline-entry")).toHaveCount(1);
  await expect(support.getByTestId("timeline-entry").getByRole("link", { name: quoted })).toBeVisible();
  await support.screenshot({ path: info.outputPath("ops-timeline-1280.png"), fullPage: true });

  // what support may not do: no control that changes state, and /admin refused
  await expect(support.locator("form[action^='/admin'], button:has-text('Suspend')")).toHaveCount(0);
  await support.goto("/admin");
  await expect(support.getByRole("alert").filter({ hasText: /may not open|无权/ })).toBeVisible();
  const csv = await support.request.get("/admin/tenants/export", { maxRedirects: 0 });
  expect(csv.status()).toBe(403);
});

test("health shows the job queues, marketplace calls, agents and each action's last hour, in English and Chinese", async ({
  browser,
}, info) => {
  for (const locale of ["en", "zh-CN"] as const) {
    const support = await staffPage(browser, "support@skyport.local", locale);
    await support.goto("/ops/health");
    await expect(support.getByTestId("health-queues").locator("tbody tr").first()).toBeVisible();
    await expect(support.getByTestId("health-actions")).toBeVisible();
    await support.screenshot({ path: info.outputPath(`ops-health-1280-${locale}.png`), fullPage: true });
  }
});
