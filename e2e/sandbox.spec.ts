import { expect, test } from "@playwright/test";

test("an instance's calls and free-login link are shown only to the browser that bought it", async ({ browser }) => {
  const buyer = { aliUid: `own${Date.now()}`, instanceId: `${Date.now() + 7}` };
  const owner = await browser.newContext();
  const mine = await owner.newPage();
  await mine.goto(`/sandbox?aliUid=${buyer.aliUid}&instanceId=${buyer.instanceId}`);
  await mine.getByRole("button", { name: /^Buy$|^购买$/ }).click();
  await expect(mine.getByTestId("sandbox-exchange").first()).toContainText("action=createInstance");
  await expect(mine.getByRole("link", { name: /Launch|免登/ })).toBeVisible();

  // anyone else, naming the instance in the URL: no link, no calls, and no way to buy it over
  const stranger = await browser.newContext();
  const theirs = await stranger.newPage();
  await theirs.goto(`/sandbox?aliUid=${buyer.aliUid}&instanceId=${buyer.instanceId}`);
  await expect(theirs.getByRole("link", { name: /Launch|免登/ })).toHaveCount(0);
  await expect(theirs.getByTestId("sandbox-exchange")).toHaveCount(0);
  await expect(theirs.getByText(/did not buy this instance|不是在本浏览器中购买的/)).toBeVisible();
  await theirs.getByRole("button", { name: /^Buy$|^购买$/ }).click();
  await expect(
    theirs.getByRole("alert").filter({ hasText: /instance id belongs to another sandbox buyer|实例 ID 属于其他沙箱买家/ }),
  ).toBeVisible();
  await expect(theirs.getByRole("link", { name: /Launch|免登/ })).toHaveCount(0);
  // nor a new instance for the owner's account (free login would open the owner's tenant)
  await theirs.goto(`/sandbox?aliUid=${buyer.aliUid}&instanceId=${Date.now() + 8}`);
  await theirs.getByRole("button", { name: /^Buy$|^购买$/ }).click();
  await expect(
    theirs.getByRole("alert").filter({
      hasText: /Alibaba Cloud account already has a tenant that this browser did not buy|阿里云账号已有租户，且不是在本浏览器中购买的/,
    }),
  ).toBeVisible();
  await theirs.getByRole("button", { name: /^Expire$|^到期$/ }).click();
  await expect(theirs.getByRole("alert").filter({ hasText: /did not buy this instance|不是在本浏览器中购买的/ })).toBeVisible();

  await mine.reload();
  await expect(mine.getByRole("link", { name: /Launch|免登/ })).toBeVisible();
  await owner.close();
  await stranger.close();
});

test("an AWS account subscribed in one browser cannot be subscribed (and signed into) from another", async ({ browser }) => {
  const account = `${Math.floor(1e11 + Math.random() * 9e11)}`;
  const owner = await browser.newContext();
  const mine = await owner.newPage();
  await mine.goto(`/sandbox/aws?account=${account}`);
  await mine.getByRole("button", { name: /^Subscribe$|^订阅$/ }).click();
  await mine.getByRole("button", { name: /Register|注册/ }).click();
  await expect(mine).toHaveURL(/\/console$/);

  const stranger = await browser.newContext();
  const theirs = await stranger.newPage();
  await theirs.goto(`/sandbox/aws?account=${account}`);
  await theirs.getByRole("button", { name: /^Subscribe$|^订阅$/ }).click();
  await expect(theirs.getByRole("alert").filter({ hasText: /belongs to another sandbox buyer|属于其他沙箱买家/ })).toBeVisible();
  await expect(theirs.getByRole("button", { name: /Register|注册/ })).toHaveCount(0);
  await owner.close();
  await stranger.close();
});

test("ids and days that are none are refused with a clear message, never a 500 or a lost claim", async ({ page }) => {
  // the page reads one value per key and ignores an id that is none
  const odd = await page.goto("/sandbox?aliUid=%00&instanceId=a&instanceId=b&days=abc");
  expect(odd?.status()).toBe(200);
  await expect(page.getByLabel(/Buyer account|买家账号/)).toHaveValue("sandbox-buyer-1");
  // a crafted buy (the fields' own limits lifted): an instance id longer than the claims can keep, days out of range
  const unchecked = () =>
    page.evaluate(() => {
      for (const form of document.querySelectorAll("form")) form.noValidate = true;
      for (const input of document.querySelectorAll("input")) input.removeAttribute("maxlength");
    });
  await page.goto(`/sandbox?aliUid=own${Date.now()}&instanceId=${Date.now()}`);
  await unchecked();
  await page.getByLabel(/Instance|实例/).fill("x".repeat(65));
  await page.getByRole("button", { name: /^Buy$|^购买$/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /1 to 40 letters|1 到 40 个字母/ })).toBeVisible();
  await page.goto(`/sandbox?aliUid=own${Date.now()}&instanceId=${Date.now()}`);
  await unchecked();
  await page.getByLabel(/Expires in|到期天数/).fill("99999");
  await page.getByRole("button", { name: /^Buy$|^购买$/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /1 to 40 letters|1 到 40 个字母/ })).toBeVisible();
  const aws = await page.goto("/sandbox/aws?account=%00&account=1");
  expect(aws?.status()).toBe(200);
});
