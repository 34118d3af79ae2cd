import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  chromiumArgs,
  chromiumPath,
  missingPrerequisite,
  type RunningProcess,
  repositoryRoot,
  serveLibrary,
} from "./harness";

// axe-core's WCAG 2.x A and AA rules (and its best practices: landmarks, heading order) over
// every kind of page the web app shows, each in the light and the dark colour scheme, with the
// demo library behind it. A violation fails the test with the page, the rule and the element.

const missing = missingPrerequisite();
if (missing) console.warn(`accessibility end-to-end tests skipped: ${missing}`);

const schemes = {
  light: {
    runOnly: {
      type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    resultTypes: ["violations"],
  },
  // The dark scheme swaps colours and nothing else (globals.css redefines custom properties
  // only), so the colour rules are all that can find something new there, at half the time.
  dark: {
    runOnly: { type: "rule", values: ["color-contrast", "link-in-text-block"] },
    resultTypes: ["violations"],
  },
} satisfies Record<"light" | "dark", axe.RunOptions>;

/** Every violation on the page as it is now, in both colour schemes, one line per element. */
async function violations(page: Page): Promise<string[]> {
  const where = new URL(page.url());
  // Next streams a page's metadata after its first paint: after a client-side navigation the
  // title arrives a moment after the page.
  await expect.poll(() => page.title(), { message: `${where.pathname} gets a title` }).not.toBe("");
  const lines: string[] = [];
  const backgrounds = new Set<string>();
  for (const [colorScheme, options] of Object.entries(schemes) as ["light" | "dark", axe.RunOptions][]) {
    await page.emulateMedia({ colorScheme });
    backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    const results = await page.evaluate(
      (runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions),
      options,
    );
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        const summary = node.failureSummary?.replace(/\s+/g, " ").trim();
        lines.push(
          `${where.pathname}${where.search} (${colorScheme}) ${violation.id}: ${node.target.join(" ")}: ${summary}`,
        );
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  // An unstyled page (its stylesheet failed to load) passes every colour rule in both schemes.
  expect(backgrounds.size, `${where.pathname}: the background differs between the schemes`).toBe(2);
  return lines;
}

describe.skipIf(missing !== null)("accessibility of every page type, light and dark", () => {
  let temporary: string;
  let api: RunningProcess;
  let web: RunningProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let webUrl: string;

  beforeAll(async () => {
    temporary = mkdtempSync(join(tmpdir(), "corpus-web-a11y-"));
    const library = await serveLibrary([join(repositoryRoot, "data/demo")], temporary);
    ({ api, web, webUrl } = library);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // An init script is injected by the browser itself, so the app's nonce-only CSP does not block it.
    await context.addInitScript({ content: axe.source });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  });

  it("the search page: all documents, suggestions open, a query with facets chosen", async () => {
    await page.goto(`${webUrl}/`);
    await page.locator("#results-heading").waitFor();
    const found = await violations(page);

    // Typed before hydration, the words would be reset by React and no suggestions would come.
    await vi.waitFor(
      async () => {
        await page.locator("#search-input").fill("sud");
        await page.locator('[role="option"]').first().waitFor({ timeout: 2_000 });
      },
      { timeout: 15_000 },
    );
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
    found.push(...(await violations(page)));

    await page.goto(`${webUrl}/?q=peace&kind=publication&topic=peace-processes`);
    // Visible, not only present: the page streams in hidden and is swapped in for its loading message.
    await page.locator(".hit").first().waitFor();
    // Two filter chips and "Clear all filters".
    expect(await page.locator(".chip").count()).toBe(3);
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
  });

  it("the search page with advanced syntax, one section, a person in a role, and a heading asked for", async () => {
    await page.goto(
      `${webUrl}/?q=${encodeURIComponent("cooperat*")}&mode=advanced&scope=section&section=In+the+News&person=frank-aum&role=moderator`,
    );
    await page.locator("#results-heading").waitFor();
    expect(await page.getByLabel("Section heading").isVisible()).toBe(true);
    const found = await violations(page);

    // The request for a heading, shown when "One section" is sent with none.
    await page.goto(`${webUrl}/?q=cooperative`);
    await page.locator("#results-heading").waitFor();
    await vi.waitFor(
      async () => {
        await page.getByRole("radio", { name: "One section" }).check();
        await page.getByRole("button", { name: "Search" }).click();
        await page.getByRole("alert").filter({ hasText: "Type the heading" }).waitFor({ timeout: 2_000 });
      },
      { timeout: 15_000 },
    );
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
  });

  it("a document page and its source page with a field marked", async () => {
    // A document whose source text has fields to mark (not every demo document's has).
    await page.goto(`${webUrl}/?q=${encodeURIComponent("Yemen truce")}`);
    await page.locator(".hit h3 a").first().click();
    await page.locator(".document-header h1").waitFor();
    const found = await violations(page);

    await page.goto(`${page.url()}/source`);
    await page.locator(".field-list a").first().click();
    await page.locator("mark#selected").waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
  });

  it.for(["people", "organizations", "topics", "regions"])(
    "the %s list and the page of its first entry",
    async (section) => {
      await page.goto(`${webUrl}/${section}`);
      const first = page.locator(".entity-grid a").first();
      await first.waitFor();
      const name = await first.textContent();
      const found = await violations(page);

      await first.click();
      await expect.poll(() => page.locator("h1").textContent()).toBe(name);
      found.push(...(await violations(page)));
      expect(found).toEqual([]);
    },
  );

  it("the explore page", async () => {
    await page.goto(`${webUrl}/explore`);
    await page.locator("svg.network").waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it("the possible duplicates page", async () => {
    await page.goto(`${webUrl}/people/duplicates`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("People who may be one person");
    expect(await violations(page)).toEqual([]);
  });

  it("the 404 page", async () => {
    const response = await page.goto(`${webUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Not in this library" }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it("keyboard: the skip link, then the search box, then results, with a visible focus ring", async () => {
    const keyboardPage = await context.newPage();
    await keyboardPage.goto(`${webUrl}/`);
    // The search page streams in behind a loading message: before it arrives there is nothing to reach.
    await keyboardPage.locator("#search-input").waitFor();
    const focused = () =>
      keyboardPage.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : null;
        const box = element?.getBoundingClientRect();
        return {
          text: element?.textContent?.trim(),
          id: element?.id,
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
          onScreen: box ? box.right > 0 && box.bottom > 0 && box.width > 1 : false,
        };
      });

    await keyboardPage.keyboard.press("Tab");
    const skipLink = await focused();
    expect(skipLink.text).toBe("Skip to content");
    expect(skipLink.onScreen).toBe(true);
    expect(skipLink.outline).toMatch(/^solid [1-9]/);

    await keyboardPage.keyboard.press("Enter");
    await keyboardPage.keyboard.press("Tab");
    const searchBox = await focused();
    expect(searchBox.id).toBe("search-input");
    expect(searchBox.outline).toMatch(/^solid [1-9]/);

    await keyboardPage.keyboard.type("ceasefire");
    await keyboardPage.keyboard.press("Enter");
    await keyboardPage.waitForURL(/\?q=ceasefire/);
    await expect
      .poll(() => keyboardPage.locator("#results-heading").textContent())
      .toMatch(/^\d+ documents?/);
    expect(await keyboardPage.locator(".hit").count()).toBeGreaterThan(0);
    await keyboardPage.close();
  });

  // Last: it stops this suite's API to show the pages a reader meets while it is down. Any
  // address will do then, so the record paths are made up.
  it("the pages shown while the API is down", async () => {
    await api.stop();
    const found: string[] = [];
    for (const path of [
      "/?q=ceasefire",
      "/people/anyone",
      "/people/duplicates",
      "/documents/any-document",
      "/documents/any-document/source",
      "/explore",
    ]) {
      await page.goto(`${webUrl}${path}`);
      await expect
        .poll(() => page.getByRole("alert").first().textContent(), { message: path })
        .toMatch(/API is not answering/);
      found.push(...(await violations(page)));
    }
    expect(found).toEqual([]);
  });
});
