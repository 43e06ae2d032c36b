import { expect, test } from "@playwright/test";

test("a buyer without a session is told how to get in", async ({ page }) => {
  await page.goto("/console");
  await expect(page.getByText(/Open Skyport from your cloud console|请从云控制台/)).toBeVisible();
});

test("/console renders the demo tenant through the gateway, and a profile change is audited", async ({ page }) => {
  await page.goto("/console/demo");
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo direct customer");
  await expect(page.getByTestId("tenant-plan")).toHaveText("standard");

  await page.getByLabel(/^Name$|名称/).fill("Demo direct, renamed");
  await page.getByRole("button", { name: /Save|保存/ }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo direct, renamed");
  await expect(page.locator("#audit")).toContainText("tenant.profile.updated");
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
