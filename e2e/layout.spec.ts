import { expect, test } from "@playwright/test";
import { appPages, expectReached, signInFor } from "./pages";

const widths = [1280, 390];
const pages = appPages().filter((p) => p !== "/sandbox/authorize");

for (const width of widths) {
  test(`every page fits ${width} px without sideways scrolling; the console shows its sections, tenant and plan`, async ({
    browser,
  }, info) => {
    test.setTimeout(120_000); // every page of the app, two sign-ins each
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const route of pages) {
      await signInFor(page, route);
      await page.goto(route);
      expectReached(page, route);
      const [scrollWidth, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scrollWidth, `${route} at ${width} px`).toBeLessThanOrEqual(viewport);
      if (route.startsWith("/console")) {
        const nav = page.getByRole("navigation");
        await expect(nav.getByRole("link")).toHaveText([
          /Overview/,
          /Cloud access/,
          /Hosts/,
          /Add hosts/,
          /Target sizing/,
          /Billing/,
          /Usage/,
          /Orders/,
          /Audit log/,
          /Settings/,
        ]);
        await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
        await expect(page.getByTestId("tenant-name")).toBeVisible();
        await expect(page.getByRole("banner").getByText("standard")).toBeVisible();
      }
      await page.screenshot({ path: info.outputPath(`${width}${route.replaceAll("/", "_") || "_home"}.png`), fullPage: true });
    }
    await context.close();
  });
}

test("every response carries the security headers, and the favicon is served", async ({ request }) => {
  for (const route of ["/", "/console", "/signin", "/sandbox", "/no-such-page", "/lang/en?back=/"]) {
    const res = await request.get(route, { maxRedirects: 0 });
    expect(res.headers()["x-content-type-options"], route).toBe("nosniff");
    expect(res.headers()["referrer-policy"], route).toBe("strict-origin-when-cross-origin");
    expect(res.headers()["content-security-policy"], route).toMatch(
      /script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'.*frame-ancestors 'none'/,
    );
  }
  const icon = await request.get("/icon.svg");
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
});
