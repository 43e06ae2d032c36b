import { type APIRequestContext, expect, test } from "@playwright/test";
import { spiToken } from "../lib/marketplace/aliyun/spi-token";
import { e2e } from "../playwright.config";

/** The query string of a signed SPI call, as the Alibaba Cloud Marketplace sends it. */
function spiQuery(params: Record<string, string>) {
  const map = new Map(Object.entries(params));
  map.set("token", spiToken(map, e2e.spiKey));
  return new URLSearchParams([...map]).toString();
}

const shanghai = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

async function spi(request: APIRequestContext, params: Record<string, string>) {
  const res = await request.get(`/api/marketplace/aliyun?${spiQuery(params)}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test("buy on Alibaba Cloud → free login → console shows the plan; expire → banner, refused change; renew → works; release → export", async ({
  page,
  request,
}) => {
  const aliUid = `e2e${Date.now()}`;
  const instanceId = `${Date.now()}`;
  const created = await spi(request, {
    action: "createInstance",
    aliUid,
    orderBizId: instanceId,
    orderId: `o${instanceId}`,
    productCode: "cmapi0001",
    skuId: "skyport-standard",
    trial: "false",
    expiredOn: shanghai(30),
  });
  expect(created.instanceId).toBe(instanceId);

  await page.goto(`/api/marketplace/aliyun?${spiQuery({ action: "verify", instanceId, timeStamp: shanghai(0) })}`);
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText("standard");
  await expect(page.getByTestId("order-row")).toHaveCount(1);

  expect(await spi(request, { action: "expiredInstance", instanceId })).toEqual({ success: true });
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: /lapsed|到期/ })).toBeVisible();
  await page.getByLabel(/^Name$|名称/).fill("Changed while frozen");
  await page.getByRole("button", { name: /Save|保存/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /renew it to make changes/ })).toBeVisible();

  await spi(request, { action: "renewInstance", instanceId, orderId: `r${instanceId}`, expiredOn: shanghai(400) });
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /lapsed|到期/ })).toHaveCount(0);
  await page.getByLabel(/^Name$|名称/).fill("Renewed buyer");
  await page.getByRole("button", { name: /Save|保存/ }).click();
  await expect(page.getByTestId("tenant-name")).toHaveText("Renewed buyer");

  expect(await spi(request, { action: "releaseInstance", instanceId, isRefund: "false" })).toEqual({ success: true });
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: /released|已释放/ })).toBeVisible();
  const download = await page.request.get("/console/export");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  const exported = await download.json();
  expect(exported.tenant).toMatchObject({ externalId: aliUid, status: "closed", displayName: "Renewed buyer" });
  expect(exported.orders.map((o: { action: string }) => o.action)).toEqual([
    "createInstance",
    "expiredInstance",
    "renewInstance",
    "releaseInstance",
  ]);
});

test("a stale free-login link gets a clear page, not an error dump", async ({ page }) => {
  const res = await page.goto(`/api/marketplace/aliyun?${spiQuery({ action: "verify", instanceId: "1", timeStamp: shanghai(-1) })}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("expired");
  await expect(page.getByRole("alert")).toContainText("已过期");
});
