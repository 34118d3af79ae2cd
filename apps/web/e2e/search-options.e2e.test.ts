import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDocumentId } from "@corpus/schema";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumArgs,
  chromiumPath,
  missingPrerequisite,
  repositoryRoot,
  serveLibrary,
  webDirectory,
} from "./harness";
import { SECTION_HEADINGS_OFFERED } from "../src/lib/section-headings";

// The search form's options against the demo library: advanced syntax, titles only, one section
// by its heading. Each must reach the URL (so it is shared, reloaded and undone with Back) and
// every link that carries the search. Screenshots land in e2e/artifacts/.

/**
 * Sixty one-page dispatches, each under a heading of its own: with the demo's thirty headings the
 * library has more than the search page lists, so the rest are found as the heading is typed.
 */
const DISPATCH_HEADINGS = Array.from(
  { length: 60 },
  (_, index) => `Dispatch heading ${String(index + 1).padStart(2, "0")}`,
);

function dispatchRecords() {
  return DISPATCH_HEADINGS.map((heading) => ({
    id: createDocumentId(`Field dispatch on ${heading}`),
    kind: "publication",
    subtype: "report",
    title: `Field dispatch on ${heading}`,
    sections: [{ heading, text: "Observers filed this dispatch from the field." }],
  }));
}

const missing = missingPrerequisite();
if (missing) console.warn(`search options end-to-end tests skipped: ${missing}`);

const artifacts = join(webDirectory, "e2e", "artifacts");

describe.skipIf(missing !== null)("the search options in a browser", { timeout: 90_000 }, () => {
  let temporary: string;
  let stops: (() => Promise<void>)[] = [];
  let browser: Browser;
  let webUrl: string;
  let apiUrl: string;

  beforeAll(async () => {
    temporary = mkdtempSync(join(tmpdir(), "corpus-web-options-"));
    mkdirSync(artifacts, { recursive: true });
    const dispatches = join(temporary, "dispatches.json");
    writeFileSync(dispatches, JSON.stringify(dispatchRecords()));
    const library = await serveLibrary([join(repositoryRoot, "data/demo"), dispatches], temporary);
    ({ webUrl, apiUrl } = library);
    stops.push(library.api.stop, library.web.stop);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    for (const stop of stops.reverse()) await stop();
    stops = [];
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    return context.newPage();
  }

  /** The number in "12 documents, showing 1–10", once the results are there. */
  async function resultCount(page: Page): Promise<number> {
    const heading = page.locator("#results-heading");
    await expect.poll(() => heading.textContent()).toMatch(/^(\d+ documents?|No documents match)/);
    return Number((await heading.textContent())?.match(/^\d+/)?.[0] ?? 0);
  }

  /** The search box, once React has taken it over (typing earlier would be reset by hydration). */
  async function hydrated(page: Page): Promise<void> {
    await expect
      .poll(() =>
        page
          .locator("#search-input")
          .evaluate((input) => Object.keys(input).some((key) => key.startsWith("__react"))),
      )
      .toBe(true);
  }

  it("searches one section by its heading, in any case, and keeps it through reload, links and Back", async () => {
    const page = await newPage();
    await page.goto(`${webUrl}/?q=cooperative`);
    const everywhere = await resultCount(page);
    await hydrated(page);
    const heading = page.getByLabel("Section heading");
    expect(await heading.isVisible()).toBe(false);

    await page.getByRole("radio", { name: "One section" }).check();
    expect(await heading.isVisible()).toBe(true);
    // The digest's headings are offered; typed in another case and with a colon, it still matches.
    expect(
      await page.locator(`datalist#${await heading.getAttribute("list")} option`).count(),
    ).toBeGreaterThan(1);
    await heading.fill("in the news:");
    await heading.press("Enter");
    await page.waitForURL(/scope=section&section=In\+the\+News/);
    const inSection = await resultCount(page);
    expect(inSection).toBeGreaterThan(0);
    expect(inSection).toBeLessThan(everywhere);
    const chip = page.locator(".chip", { hasText: "Search in: section “In the News”" });
    expect(await chip.count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "9-search-one-section.png"), fullPage: true });

    // Every link that carries the search carries the section.
    for (const name of ["CSV", "NDJSON", "Map, network and timeline of this search", "Kind"]) {
      const link =
        name === "Kind"
          ? page.locator(".facets details").filter({ hasText: "Kind" }).locator("a").first()
          : page.getByRole("link", { name, exact: true });
      expect(await link.getAttribute("href"), name).toMatch(/scope=section&section=In\+the\+News/);
    }
    const ndjson = await fetch(
      `${webUrl}${await page.getByRole("link", { name: "NDJSON" }).getAttribute("href")}`,
    );
    expect((await ndjson.text()).trim().split("\n")).toHaveLength(inSection);

    await page.reload();
    expect(await resultCount(page)).toBe(inSection);
    expect(await page.getByRole("radio", { name: "One section" }).isChecked()).toBe(true);
    expect(await heading.inputValue()).toBe("In the News");

    await page.goBack();
    await page.waitForURL((url) => url.search === "?q=cooperative");
    await expect.poll(() => resultCount(page)).toBe(everywhere);
    await expect.poll(() => page.getByRole("radio", { name: "Everywhere" }).isChecked()).toBe(true);

    await page.goForward();
    await page.waitForURL(/scope=section/);
    await hydrated(page);
    await page.locator(".chip", { hasText: "Search in:" }).click();
    await page.waitForURL((url) => url.search === "?q=cooperative");
    await expect.poll(() => page.getByRole("radio", { name: "Everywhere" }).isChecked()).toBe(true);
    expect(await heading.isVisible()).toBe(false);
    await page.context().close();
  });

  /** The heading field's suggestions, as [value, label] pairs. */
  async function headingSuggestions(page: Page): Promise<[string, string][]> {
    const list = await page.getByLabel("Section heading").getAttribute("list");
    return page
      .locator(`datalist#${list} option`)
      .evaluateAll((options) =>
        options.map((option) => [(option as HTMLOptionElement).value, (option as HTMLOptionElement).label]),
      ) as Promise<[string, string][]>;
  }

  it("suggests the library's headings with their document counts, without JavaScript too, and finds more as one is typed", async () => {
    const listed = (await (
      await fetch(`${apiUrl}/api/v1/documents/section-headings?limit=${SECTION_HEADINGS_OFFERED}`)
    ).json()) as { heading: string; documentCount: number }[];
    expect(listed).toHaveLength(SECTION_HEADINGS_OFFERED);
    expect(listed.slice(0, 2)).toEqual([
      { heading: "In the News", documentCount: 7 },
      { heading: "Insight from Peace Science", documentCount: 7 },
    ]);
    const expected = listed.map(({ heading, documentCount }): [string, string] => [
      heading,
      `${heading} · ${documentCount} document${documentCount === 1 ? "" : "s"}`,
    ]);

    // Rendered on the server: the suggestions are in the page a browser without scripts gets.
    const noScript = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      javaScriptEnabled: false,
    });
    const plain = await noScript.newPage();
    await plain.goto(`${webUrl}/?q=dispatch&scope=section&section=Dispatch+heading+01`);
    expect(await headingSuggestions(plain)).toEqual(expected);
    // A search not scoped to a section does not ask the API: the digest's headings until then.
    await plain.goto(`${webUrl}/?q=dispatch`);
    expect((await headingSuggestions(plain)).map(([value]) => value)).toEqual([
      "In the News",
      "Insight from Peace Science",
      "Practical Implications",
      "Talking Points",
      "Continued Reading",
    ]);
    await noScript.close();

    // With scripts, choosing "One section" asks for the library's.
    const page = await newPage();
    await page.goto(`${webUrl}/?q=dispatch`);
    await resultCount(page);
    await hydrated(page);
    await page.getByRole("radio", { name: "One section" }).check();
    await expect.poll(() => headingSuggestions(page)).toEqual(expected);
    // Past the page's fifty: the headings starting with what is typed, from the API.
    const later = DISPATCH_HEADINGS.filter((heading) => heading.startsWith("Dispatch heading 5"));
    for (const heading of later) expect(expected.map(([value]) => value)).not.toContain(heading);
    await page.getByLabel("Section heading").fill("dispatch HEADING 5");
    await expect.poll(async () => (await headingSuggestions(page)).map(([value]) => value)).toEqual(later);
    await page.getByLabel("Section heading").fill("Dispatch heading 57");
    await page.getByLabel("Section heading").press("Enter");
    await page.waitForURL(/scope=section&section=Dispatch\+heading\+57/);
    expect(await resultCount(page)).toBe(1);
    await page.context().close();
  });

  it("asks for the heading when one section is chosen without one, instead of searching everywhere", async () => {
    const page = await newPage();
    await page.goto(`${webUrl}/?q=cooperative`);
    await resultCount(page);
    await hydrated(page);
    await page.getByRole("radio", { name: "One section" }).check();
    await page.getByRole("button", { name: "Search" }).click();
    const problem = page.getByRole("alert").filter({ hasText: "Type the heading of the section" });
    await expect.poll(() => problem.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("section");
    expect(await page.getByLabel("Section heading").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).search).toBe("?q=cooperative");
    await page.getByLabel("Section heading").fill("Insight from Peace Science");
    expect(await problem.count()).toBe(0);
    await page.context().close();
  });

  it("turns advanced syntax on from the keyboard, explains it, and keeps it through paging and facets", async () => {
    const page = await newPage();
    await page.goto(`${webUrl}/?q=${encodeURIComponent("peace OR ceasef*")}`);
    const literal = await resultCount(page);
    await hydrated(page);
    const advanced = page.getByRole("checkbox", { name: "Advanced syntax" });
    // The explanation is on the screen and is the checkbox's description for a screen reader.
    const description = await advanced.evaluate(
      (box) => document.getElementById(box.getAttribute("aria-describedby") ?? "")?.textContent ?? "",
    );
    expect(description).toMatch(/"exact phrase".*prefix\*.*a OR b.*-word/);
    expect(await page.locator(".syntax-help").isVisible()).toBe(true);

    // From the Search button, the next stop is the checkbox; Space ticks it, Enter in the box sends.
    await page.getByRole("button", { name: "Search" }).focus();
    await page.keyboard.press("Tab");
    expect(await advanced.evaluate((box) => box === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    await page.locator("#search-input").press("Enter");
    await page.waitForURL(/mode=advanced/);
    const either = await resultCount(page);
    expect(either).toBeGreaterThan(literal);
    expect(await page.locator(".chip", { hasText: "Syntax: advanced" }).count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "10-search-advanced.png"), fullPage: true });

    const next = page.getByRole("link", { name: "Next page →" });
    expect(await next.getAttribute("href")).toMatch(/mode=advanced/);
    await next.click();
    await page.waitForURL(/after=/);
    expect(await advanced.isChecked()).toBe(true);
    const facet = page.locator(".facets details").filter({ hasText: "Kind" }).locator("a").first();
    expect(await facet.getAttribute("href")).toMatch(/mode=advanced/);

    // A query that does not parse is searched as written, and the page says so.
    await page.goto(`${webUrl}/?q=${encodeURIComponent('"unclosed peace')}&mode=advanced`);
    await resultCount(page);
    expect(await page.getByText("its words were searched as written").count()).toBe(1);
    await page.context().close();
  });

  it("searches titles only, and the page's download and feed links do too", async () => {
    const page = await newPage();
    await page.goto(`${webUrl}/?q=peace`);
    const everywhere = await resultCount(page);
    await hydrated(page);
    await page.getByRole("radio", { name: "Titles only" }).check();
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/scope=title/);
    await expect.poll(() => resultCount(page)).toBeLessThan(everywhere);
    const titles = await resultCount(page);
    expect(titles).toBeGreaterThan(0);
    for (const title of await page.locator(".hit h3").allTextContents()) expect(title).toMatch(/peace/i);
    expect(await page.locator(".chip", { hasText: "Search in: titles only" }).count()).toBe(1);
    const csv = await fetch(`${webUrl}${await page.getByRole("link", { name: "CSV" }).getAttribute("href")}`);
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(titles + 1);
    expect(
      await page.getByRole("link", { name: "Follow this search (Atom feed)" }).getAttribute("href"),
    ).toMatch(/scope=title/);
    await page.context().close();
  });

  it("says a chosen person held a chosen role in one chip", async () => {
    const page = await newPage();
    await page.goto(`${webUrl}/?person=frank-aum&role=moderator`);
    await resultCount(page);
    expect(await page.locator(".chip").allTextContents()).toEqual([
      "Remove filter Person: Frank Aum as moderator ×",
      "Clear all filters",
    ]);
    await page.context().close();
  });
});
