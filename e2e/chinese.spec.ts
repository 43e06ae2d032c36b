import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { expect, type Page, test } from "@playwright/test";
import { refusalMessages } from "../components/sandbox/refusal-messages";
import { catalogues } from "../lib/i18n/catalogue";
import { appPages, expectReached, signInFor } from "./pages";

/** The English catalogue's own words: each literal run of each message that the Chinese catalogue does not also use (brand and API names). */
function englishOnlyPhrases(): string[] {
  const texts = (messages: object): string[] => Object.values(messages).flatMap((v) => (typeof v === "string" ? [v] : texts(v)));
  const literals = (elements: MessageFormatElement[]): string[] =>
    elements.flatMap((e) => {
      if (e.type === TYPE.literal) return [e.value];
      if (e.type === TYPE.tag) return literals(e.children);
      if (e.type === TYPE.select || e.type === TYPE.plural) return Object.values(e.options).flatMap((o) => literals(o.value));
      return [];
    });
  const chinese = texts(catalogues["zh-CN"]).join("\n");
  const phrases = texts(catalogues.en)
    .flatMap((m) => literals(parse(m)))
    .map((s) => s.trim().replace(/^[\s:;,.()·—-]+|[\s:;,.()·—-]+$/g, ""))
    .filter((s) => /[A-Za-z]{3}/.test(s) && !chinese.includes(s));
  return [...new Set(phrases)];
}

const phrases = englishOnlyPhrases();

/** English catalogue text on the page, outside what is marked as data (translate="no": names, ids, protocol exchanges). */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const data of body.querySelectorAll('[translate="no"], script, style')) data.remove();
    // each text node apart, so that neighbours never run together into one word
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const parts = [document.title];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? "");
    return parts.join("\n");
  });
  return phrases.filter((p) => new RegExp(`(^|[^A-Za-z])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^A-Za-z]|$)`).test(text));
}

test("no English is left on a Chinese page: every page, its refusals and its outcomes", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(phrases.length).toBeGreaterThan(100);
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  const seen: Record<string, string[]> = {};
  const check = async (name: string) => {
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    seen[name] = await englishOn(page);
  };

  for (const route of appPages()) {
    await signInFor(page, route);
    await page.goto(route);
    expectReached(page, route);
    await check(route);
  }
  // what only appears after something happened
  await page.goto("/console/demo?tenant=aliyun");
  await page.goto("/console/cloud");
  await page.getByRole("button", { name: "获取授权链接" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await check("/console/cloud after getting the link");
  await page.goto("/console/settings");
  await page.getByRole("button", { name: "保存" }).first().click();
  await expect(page.getByRole("status")).toBeVisible();
  await check("/console/settings after saving");
  for (const extra of ["/no-such-page", "/signin?error=throttled&minutes=3", "/signin?error=forbidden", "/signin?error=failed"]) {
    await page.goto(extra);
    await check(extra);
  }
  // each of the Alibaba sandbox's refusals shown, in Chinese
  for (const code of Object.keys(refusalMessages.aliyun)) {
    await page.goto(`/sandbox?refused=${code}`);
    await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toHaveText(/账号|实例/);
    await check(`/sandbox?refused=${code}`);
  }
  await context.clearCookies();
  await page.goto("/console");
  await check("/console without a session");

  expect(Object.fromEntries(Object.entries(seen).filter(([, english]) => english.length))).toEqual({});
  await context.close();
});
