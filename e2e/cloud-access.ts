import { expect, type Page } from "@playwright/test";

/** Revokes the buyer's role on the given sandbox page, then presses Verify on the console's cloud access page. */
export async function revokeThenVerify(page: Page, sandboxPage: string) {
  await page.goto(sandboxPage);
  await page
    .getByTestId("sandbox-cloud")
    .getByRole("button", { name: /Revoke it|撤销角色/ })
    .click();
  await expect(page.getByTestId("sandbox-cloud")).toBeVisible();
  await page.goto("/console/cloud");
  await page
    .getByTestId("cloud-access")
    .getByRole("button", { name: /Verify now|立即验证/ })
    .click();
}

/** On the console's cloud access page: asks for the authorization link and answers where it leads. */
export async function authorizationLink(page: Page): Promise<string> {
  await page.goto("/console/cloud");
  const panel = page.getByTestId("cloud-access");
  await panel.getByRole("button", { name: /authorization link|授权链接/ }).click();
  return (await panel.getByRole("link", { name: /sandbox\/authorize/ }).getAttribute("href")) as string;
}
