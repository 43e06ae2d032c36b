import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
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

/** How a page is reached as the person it is for: the console as the Alibaba demo buyer, the back office as the ISV admin. */
export async function signInFor(page: Page, route: string) {
  if (route.startsWith("/console")) await page.goto("/console/demo?tenant=aliyun");
  if (route.startsWith("/admin") || route.startsWith("/ops")) await signInAsStaff(page);
}
