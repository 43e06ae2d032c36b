import { type Browser, expect, type Page } from "@playwright/test";
import { e2e } from "../playwright.config";
import { marketplace } from "./pages";

/** A new Alibaba buyer, bought through the sandbox and launched into the console. */
export async function newBuyer(page: Page) {
  const buyer = { aliUid: `e2e${Date.now()}`, instanceId: `${Date.now()}` };
  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");
  await page.getByRole("link", { name: /Launch|免登/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  return buyer;
}

/** The buyer renames the tenant in the console settings; answers the alert or status shown beside the form. */
export async function rename(page: Page, name: string) {
  await page.goto("/console/settings");
  await page.getByLabel(/^Name$|名称/).fill(name);
  await page
    .getByRole("button", { name: /Save|保存/ })
    .first()
    .click();
}

/** A staff member's own browser context, signed in. */
export async function staffPage(browser: Browser, email: "admin@skyport.local" | "support@skyport.local", locale: "en" | "zh-CN" = "en") {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale,
    extraHTTPHeaders: { "accept-language": locale === "en" ? "en" : "zh-CN,zh;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/signin?next=/ops");
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/Password|密码/).fill(e2e.password);
  await page.getByRole("button", { name: /Sign in|登录/ }).click();
  await page.waitForURL((url) => url.pathname === "/ops");
  return page;
}
