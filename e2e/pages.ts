import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { e2e } from "../playwright.config";

/** Every page of the app, from the file tree (app/**\/page.tsx), so a new page is covered without editing a list. */
export function appPages(dir = "app", route = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return appPages(path.join(dir, entry.name), `${route}/${entry.name}`);
    return entry.name === "page.tsx" ? [route || "/"] : [];
  });
}

export async function signInAsStaff(page: Page) {
  await page.goto("/signin?next=/admin");
  await page.getByLabel(/Email|邮箱/).fill("admin@skyport.local");
  await page.getByLabel(/Password|密码/).fill(e2e.password);
  await page.getByRole("button", { name: /Sign in|登录/ }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
}

/**
 * How a page is reached as the person it is for: the console as the Alibaba demo buyer, the back office
 * (and /staff, which sends a member on to their area) as the ISV admin.
 */
export async function signInFor(page: Page, route: string) {
  if (route.startsWith("/console")) await page.goto("/console/demo?tenant=aliyun");
  if (route.startsWith("/admin") || route.startsWith("/ops") || route === "/staff") await signInAsStaff(page);
}

/**
 * Presses one of the sandbox's marketplace buttons and waits for that SPI
 * call's answer on the page. The exchange log is shared by every buyer: the
 * newest entry counts only once it is this buyer's.
 */
export async function marketplace(page: Page, buyer: { aliUid: string; instanceId: string }, button: RegExp, spiAction: string) {
  await page.goto(`/sandbox?aliUid=${buyer.aliUid}&instanceId=${buyer.instanceId}`);
  await page.getByRole("button", { name: button }).click();
  const newest = page.getByTestId("sandbox-exchange").first();
  await expect(newest).toContainText(`=${buyer.instanceId}&`); // instanceId, or orderBizId for a purchase
  await expect(newest).toContainText(`action=${spiAction}`);
  await expect(newest).toContainText("200");
}

/** Reached as the person it is for: a page may send the browser on (as /staff does to the member's area), never to sign-in. */
export function expectReached(page: Page, route: string) {
  const landed = new URL(page.url()).pathname;
  if (landed !== route) expect(landed, `${route}: signed in for it`).not.toBe("/signin");
}
