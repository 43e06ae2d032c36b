import { expect, test } from "@playwright/test";
import { shanghaiTime, spiQuery } from "../lib/sandbox";
import { authorizationLink, revokeThenVerify } from "./cloud-access";
import { marketplace } from "./pages";
import { e2eSecrets } from "./secrets";

test("through the sandbox: buy → launch → console shows the plan; expire → banner, refused change; renew → works; release → export", async ({
  page,
}) => {
  const buyer = { aliUid: `e2e${Date.now()}`, instanceId: `${Date.now()}` };

  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");
  await expect(page.getByTestId("sandbox-state")).toContainText("standard");
  await page.getByRole("link", { name: /Launch|免登/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Standard|标准版)$/);
  await expect(page.getByTestId("order-row")).toHaveCount(1);

  await marketplace(page, buyer, /^Expire$|^到期$/, "expiredInstance");
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /lapsed|到期/ })).toBeVisible();
  await page.goto("/console/settings");
  await page.getByLabel(/^Name$|名称/).fill("Changed while frozen");
  await page
    .getByRole("button", { name: /Save|保存/ })
    .first()
    .click();
  await expect(page.getByRole("alert").filter({ hasText: /renew it to make changes/ })).toBeVisible();

  await marketplace(page, buyer, /^Renew$|^续费$/, "renewInstance");
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /lapsed|到期/ })).toHaveCount(0);
  await page.goto("/console/settings");
  await page.getByLabel(/^Name$|名称/).fill("Renewed buyer");
  await page
    .getByRole("button", { name: /Save|保存/ })
    .first()
    .click();
  await expect(page.getByTestId("tenant-name")).toHaveText("Renewed buyer");

  await marketplace(page, buyer, /^Release$|^释放$/, "releaseInstance");
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /released|已释放/ })).toBeVisible();
  const download = await page.request.get("/console/export");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  const exported = await download.json();
  expect(exported.tenant).toMatchObject({ externalId: buyer.aliUid, status: "closed", displayName: "Renewed buyer" });
  expect(exported.orders.map((o: { action: string }) => o.action)).toEqual([
    "createInstance",
    "expiredInstance",
    "renewInstance",
    "releaseInstance",
  ]);
});

test("a stale free-login link gets a clear page, not an error dump", async ({ page }) => {
  const res = await page.goto(
    `/api/marketplace/aliyun?${spiQuery({ action: "verify", instanceId: "1", timeStamp: shanghaiTime(-1) }, e2eSecrets().spiKey)}`,
  );
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("expired");
  await expect(page.getByRole("alert")).toContainText("已过期");
});

test("the sandbox's cloud console calls the gateway as the main account and as a RAM sub-user", async ({ page }) => {
  const buyer = { aliUid: `e2ec${Date.now()}`, instanceId: `${Date.now()}` };
  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");

  await page.goto(`/sandbox/console?parentUid=${buyer.aliUid}`);
  await page.getByRole("button", { name: /^Call$|^调用$/ }).click();
  await expect(page.getByTestId("sandbox-exchange")).toContainText('"code":"OK"');
  await expect(page.getByTestId("sandbox-exchange")).toContainText('"plan":"standard"');

  await page.locator('input[name="uid"]').fill("ram-user-1");
  await page.locator('select[name="action"]').selectOption("UpdateTenantProfile");
  await page.locator('input[name="params"]').fill('{"displayName":"from a sub-user"}');
  await page.getByRole("button", { name: /^Call$|^调用$/ }).click();
  await expect(page.getByTestId("sandbox-exchange")).toContainText('"code":"Forbidden"');
});

test("cloud access through the sandbox: buy → role pending → grant → verify → verified; revoke → re-verify → failed with the reason", async ({
  page,
}) => {
  const buyer = { aliUid: `${Date.now()}`, instanceId: `${Date.now() + 1}` };
  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");
  const cloud = page.getByTestId("sandbox-cloud");
  await expect(cloud).toContainText(`acs:ram::${buyer.aliUid}:role/AliyunSkyportRole`);
  await expect(cloud).toContainText(/Not verified|未验证/);
  await cloud.getByRole("button", { name: /Grant the role|授予角色/ }).click();

  await page.getByRole("link", { name: /Launch|免登/ }).click();
  await page.getByRole("link", { name: /^Cloud access$|^云账号授权$/ }).click();
  const panel = page.getByTestId("cloud-access");
  await expect(panel).toContainText(/Not verified|未验证/);
  await panel.getByRole("button", { name: /Verify now|立即验证/ }).click();
  await expect(page.getByTestId("cloud-access")).toContainText(/Working|正常/);

  await revokeThenVerify(page, `/sandbox?aliUid=${buyer.aliUid}&instanceId=${buyer.instanceId}`);
  await expect(page.getByTestId("cloud-access")).toContainText(/Not working|异常/);
  await expect(page.getByTestId("cloud-error")).toContainText("does not exist");
});

test("the Alibaba authorization link: authorize on the (sandbox) marketplace → back in the console with the role → verified", async ({
  page,
}) => {
  const buyer = { aliUid: `${Date.now()}`, instanceId: `${Date.now() + 2}` };
  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");
  await page.getByRole("link", { name: /Launch|免登/ }).click();
  await page.goto(await authorizationLink(page));
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/console\/cloud$/);
  // the outcome is shown once, from a signed cookie: never from the URL, gone on reload
  await expect(page.getByRole("status")).toContainText(/Authorization received|已收到授权/);
  await page.reload();
  await expect(page.getByRole("status")).toHaveCount(0);
  await page
    .getByTestId("cloud-access")
    .getByRole("button", { name: /Verify now|立即验证/ })
    .click();
  await expect(page.getByTestId("cloud-access")).toContainText(/Working|正常/);
});
