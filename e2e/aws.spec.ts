import { expect, test } from "@playwright/test";

test("through the sandbox: subscribe on AWS → register → console shows the plan; unsubscribe → released", async ({ page }) => {
  const account = `${Math.floor(1e11 + Math.random() * 9e11)}`;
  await page.goto(`/sandbox/aws?account=${account}&dimension=skyport-enterprise`);
  await page.getByRole("button", { name: /^Subscribe$|^订阅$/ }).click();
  await page.getByRole("button", { name: /Register|注册/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("tenant-plan")).toHaveText("enterprise");
  await expect(page.getByText("aws").first()).toBeVisible();

  await page.goto(`/sandbox/aws?account=${account}`);
  await page.getByRole("button", { name: "unsubscribe-success" }).click();
  await expect(page.getByTestId("sandbox-exchange")).toContainText("200");
  await page.goto("/console");
  await expect(page.getByRole("alert").filter({ hasText: /released|已释放/ })).toBeVisible();
});

test("a forged registration token gets a clear page", async ({ request }) => {
  const res = await request.post("/api/marketplace/aws/register", { form: { "x-amzn-marketplace-token": "forged" } });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("not valid");
});
