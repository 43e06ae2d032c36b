import { expect, test } from "@playwright/test";
import { revokeThenVerify } from "./cloud-access";

test("through the sandbox: subscribe on AWS → register → console shows the plan; unsubscribe → released", async ({ page }) => {
  const account = `${Math.floor(1e11 + Math.random() * 9e11)}`;
  await page.goto(`/sandbox/aws?account=${account}&dimension=skyport-enterprise`);
  await page.getByRole("button", { name: /^Subscribe$|^订阅$/ }).click();
  await page.getByRole("button", { name: /Register|注册/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText(/^(Enterprise|企业版)$/);
  await expect(page.getByText("aws").first()).toBeVisible();

  await page.goto(`/sandbox/aws?account=${account}`);
  await page.getByRole("button", { name: /unsubscribe-success/ }).click();
  await expect(page.getByTestId("sandbox-exchange")).toContainText("200");
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /released|已释放/ })).toBeVisible();
});

test("a forged registration token gets a clear page", async ({ request }) => {
  const res = await request.post("/api/marketplace/aws/register", { form: { "x-amzn-marketplace-token": "forged" } });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("not valid");
});

test("AWS cloud access: link → the stack creates the role → bind → verified; revoke → failed with the reason", async ({ page }) => {
  const account = `${Math.floor(1e11 + Math.random() * 9e11)}`;
  await page.goto(`/sandbox/aws?account=${account}`);
  await page.getByRole("button", { name: /^Subscribe$|^订阅$/ }).click();
  await page.getByRole("button", { name: /Register|注册/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.goto("/console/cloud");
  await page
    .getByTestId("cloud-access")
    .getByRole("button", { name: /authorization link|授权链接/ })
    .click();
  await expect(page.getByTestId("cloud-access")).toContainText("cloudformation");

  await page.goto(`/sandbox/aws?account=${account}`);
  await page
    .getByTestId("sandbox-cloud")
    .getByRole("button", { name: /Grant the role|授予角色/ })
    .click();
  await page.goto("/console/cloud");
  await page.getByTestId("cloud-access").getByLabel("Role ARN").fill(`arn:aws:iam::${account}:role/SkyportAccess`);
  await page
    .getByTestId("cloud-access")
    .getByRole("button", { name: /Bind role|绑定角色/ })
    .click();
  await page
    .getByTestId("cloud-access")
    .getByRole("button", { name: /Verify now|立即验证/ })
    .click();
  await expect(page.getByTestId("cloud-access")).toContainText(/Working|正常/);

  await revokeThenVerify(page, `/sandbox/aws?account=${account}`);
  await expect(page.getByTestId("cloud-error")).toContainText("could not assume the role");
});
