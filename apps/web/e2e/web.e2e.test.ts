import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDocumentId, createPersonId } from "@corpus/schema";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumArgs,
  chromiumPath,
  missingPrerequisite,
  repositoryRoot,
  serveLibrary,
  startWeb,
  webDirectory,
} from "./harness";

// The real thing: `corpus ingest` the demo library (plus one hostile record) into a temporary
// SQLite file, `corpus serve` it on a free port, start the built web app against it, and drive
// Debian's Chromium through what a reader does. Screenshots land in e2e/artifacts/.

const missing = missingPrerequisite();
if (missing) console.warn(`web end-to-end tests skipped: ${missing}`);

const artifacts = join(webDirectory, "e2e", "artifacts");
const hostileTitle = 'Hostile page <script>window.__corpusXss = "script"</script> title';
const hostileId = createDocumentId(hostileTitle);

function hostileRecord() {
  return {
    id: hostileId,
    kind: "publication",
    subtype: "analysis",
    title: hostileTitle,
    date: { year: 2024, month: 5, day: 2 },
    summary: "A summary with <img src=x onerror=\"window.__corpusXss='img'\"> inside.",
    sections: [
      {
        heading: "<script>window.__corpusXss='heading'</script>",
        text: "<a href=\"javascript:window.__corpusXss='link'\">click me</a> and <svg onload=\"window.__corpusXss='svg'\">",
        quotes: [
          { text: "<iframe src=javascript:window.__corpusXss='iframe'>", source: "javascript:alert(1)" },
        ],
      },
    ],
    people: [
      {
        person: {
          id: "person:mallory-payload",
          name: "Mallory <b onmouseover=window.__corpusXss='b'>Payload</b>",
        },
        role: "author",
        title: "<img src=x onerror=window.__corpusXss='title'>",
      },
    ],
    topics: [{ id: "topic:peace-processes", name: "Peace Processes" }],
  };
}

describe.skipIf(missing !== null)(
  "the web app in a browser, against the real API",
  { timeout: 90_000 },
  () => {
    let temporary: string;
    let stops: (() => Promise<void>)[] = [];
    let browser: Browser;
    let webUrl: string;
    let apiUrl: string;

    beforeAll(async () => {
      temporary = mkdtempSync(join(tmpdir(), "corpus-web-e2e-"));
      mkdirSync(artifacts, { recursive: true });
      const hostileFile = join(temporary, "hostile.json");
      writeFileSync(hostileFile, JSON.stringify([hostileRecord()]));
      // Two spellings the library cannot join on its own: listed as possible duplicates.
      const spellingsFile = join(temporary, "spellings.json");
      writeFileSync(
        spellingsFile,
        JSON.stringify(
          ["Ana Ruiz", "Ana Maria Ruiz"].map((name) => ({ id: createPersonId(name), kind: "person", name })),
        ),
      );
      const library = await serveLibrary(
        [join(repositoryRoot, "data/demo"), hostileFile, spellingsFile],
        temporary,
      );
      ({ apiUrl, webUrl } = library);
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
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: webUrl });
      return context.newPage();
    }

    it("searches, filters by a facet, opens a document and a person, and copies a citation", async () => {
      const page = await newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));

      await page.goto(`${webUrl}/`);
      await page.getByRole("combobox", { name: "Search words" }).fill("ceasefire");
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/\?q=ceasefire/);
      const heading = page.locator("#results-heading");
      await expect.poll(() => heading.textContent()).toMatch(/\d+ documents?/);
      const before = Number((await heading.textContent())?.match(/\d+/)?.[0]);
      expect(await page.locator(".hit mark").count()).toBeGreaterThan(0);
      // A keyboard user can pass the facet links: the skip link takes the focus to the results.
      await page.getByRole("link", { name: "Skip the filters to the results" }).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("results");
      await page.screenshot({ path: join(artifacts, "1-search.png"), fullPage: true });

      const kindFacet = page.locator(".facets details").filter({ hasText: "Kind" }).locator("a").first();
      await kindFacet.click();
      await page.waitForURL(/kind=/);
      await expect.poll(() => page.locator(".chip").count()).toBeGreaterThan(1);
      const after = Number((await heading.textContent())?.match(/\d+/)?.[0]);
      expect(after).toBeLessThanOrEqual(before);
      await page.screenshot({ path: join(artifacts, "2-filtered.png"), fullPage: true });

      await page.locator(".hit h3 a").first().click();
      await page.waitForURL(/\/documents\//);
      await expect.poll(() => page.locator("h1").textContent()).toBeTruthy();
      // Next streams metadata after the page's first paint for browsers (bots get it up front),
      // so the citation tags are waited for, not read at once.
      await expect.poll(() => page.locator('meta[name="citation_title"]').count()).toBe(1);
      await expect.poll(() => page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
      );
      expect(jsonLd["@context"]).toBe("https://schema.org");
      await page.screenshot({ path: join(artifacts, "3-document.png"), fullPage: true });

      const person = page.locator('section[aria-labelledby="people-heading"] a[href^="/people/"]').first();
      const personName = await person.textContent();
      await person.click();
      await page.waitForURL(/\/people\//);
      await expect.poll(() => page.locator("h1").textContent()).toBe(personName);
      await page.screenshot({ path: join(artifacts, "4-person.png"), fullPage: true });

      await page.locator(".hit a[href^='/documents/']").first().click();
      await page.waitForURL(/\/documents\//);
      await page.getByRole("tab", { name: "RIS" }).click();
      await expect.poll(() => page.getByTestId("citation-text").textContent()).toMatch(/^TY {2}- /m);
      await page.getByRole("button", { name: "Copy RIS" }).click();
      await expect.poll(() => page.getByRole("status").last().textContent()).toMatch(/copied/);
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard).toMatch(/^TY {2}- /m);
      expect(clipboard).toMatch(/^ER {2}-/m);
      await page.screenshot({ path: join(artifacts, "5-citation-copied.png"), fullPage: true });
      expect(errors).toEqual([]);
    });

    it("shows search results and the explore page with JavaScript off", async () => {
      // The search form is a plain GET form; a route-level loading screen streamed the results
      // into a hidden part of the page that only a script reveals, so without one the reader saw
      // "Loading…" and nothing else.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${webUrl}/?q=korea`);
      const visibleResults = await page
        .locator("main a[href^='/documents/']")
        .evaluateAll((links) => links.filter((link) => (link as HTMLElement).offsetParent !== null).length);
      expect(visibleResults).toBeGreaterThan(0);
      expect(
        await page
          .getByText("Loading…")
          .isVisible()
          .catch(() => false),
      ).toBe(false);
      await page.goto(`${webUrl}/explore?q=korea`);
      expect(
        await page
          .getByText("Loading…")
          .isVisible()
          .catch(() => false),
      ).toBe(false);
      expect(await page.locator("main svg").first().isVisible()).toBe(true);
      await context.close();
    });

    it("searches for words typed before the page's script has arrived", async () => {
      const page = await newPage();
      // A slow line: the box is there (server-rendered) a while before React takes it over.
      await page.route("**/_next/static/**/*.js", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await page.goto(`${webUrl}/`, { waitUntil: "domcontentloaded" });
      const box = page.getByRole("combobox", { name: "Search words" });
      await box.fill("ceasefire");
      // Hydrated: React has attached itself to the box. A click before that would submit the
      // plain form and pass whatever the script does.
      await expect
        .poll(() => box.evaluate((input) => Object.keys(input).some((key) => key.startsWith("__react"))), {
          timeout: 15_000,
        })
        .toBe(true);
      expect(await box.inputValue()).toBe("ceasefire");
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/\?q=ceasefire/);
      await page.context().close();
    });

    it("brings the marked characters into view when a field of the source text is chosen", async () => {
      // A short window, so that most fields of a long page are read from below the fold.
      const height = 500;
      const context = await browser.newContext({ viewport: { width: 1280, height } });
      const page = await context.newPage();
      await page.goto(`${webUrl}/?q=${encodeURIComponent("Yemen truce")}`);
      await page.locator(".hit h3 a").first().click();
      await page.waitForURL(/\/documents\//);
      await page.goto(`${page.url().split(/[?#]/)[0]}/source`);
      const links = page.locator(".field-list a");
      const count = await links.count();
      expect(count).toBeGreaterThan(3);
      let belowTheFold = 0;
      // From the last field (read from late in the page) backwards: each click starts from the
      // field list at the top of the page.
      for (let index = count - 1; index >= Math.max(0, count - 6); index--) {
        const link = links.nth(index);
        const field = new URL(`${webUrl}/${(await link.getAttribute("href")) ?? ""}`).searchParams.get(
          "field",
        );
        await link.click();
        await page.waitForURL((url) => url.searchParams.get("field") === field);
        const mark = page.locator("mark#selected");
        await mark.waitFor();
        const top = await mark.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
        if (top > height) belowTheFold++;
        await expect
          .poll(
            async () => {
              const box = await mark.boundingBox();
              return box !== null && box.y >= 0 && box.y < height;
            },
            { message: `the mark of ${field} is in view` },
          )
          .toBe(true);
      }
      // The test means something only if some marks start out of sight.
      expect(belowTheFold).toBeGreaterThan(0);
      // The notice quotes the characters marked, not a value the record may hold from elsewhere.
      const marked = ((await page.locator("mark#selected").textContent()) ?? "").replace(/\s+/g, " ").trim();
      expect(await page.locator("p.notice").first().textContent()).toContain(`“${marked.slice(0, 200)}`);
      await page.screenshot({ path: join(artifacts, "6-source-field.png") });
      await context.close();
    });

    it("does not ask to choose a field on the source page of a record that has none", async () => {
      const page = await newPage();
      // A reference to a page not ingested yet: read from a link, with no field spans of its own.
      await page.goto(`${webUrl}/?kind=stub`);
      await page.locator(".hit h3 a").first().click();
      await page.waitForURL(/\/documents\//);
      await page.goto(`${page.url().split(/[?#]/)[0]}/source`);
      await expect
        .poll(() => page.locator("main").textContent())
        .toMatch(/No field of this record carries character positions in this text/);
      expect(await page.getByText("Choose a field to mark").count()).toBe(0);
      await page.context().close();
    });

    it("renders scraped markup in a document as inert text", async () => {
      const page = await newPage();
      const response = await page.goto(`${webUrl}/documents/${encodeURIComponent(hostileId.slice(4))}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
      await expect.poll(() => page.locator("h1").textContent()).toBe(hostileTitle);
      // Give any payload every chance to fire: hover the author, wait for the page to settle.
      await page.locator('a[href="/people/mallory-payload"]').first().hover();
      await page.waitForLoadState("networkidle");
      expect(
        await page.evaluate(() => (window as unknown as { __corpusXss?: string }).__corpusXss),
      ).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"], img[onerror], svg[onload], iframe').count()).toBe(0);
      expect(await page.locator("text=click me").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifacts, "6-hostile-document.png"), fullPage: true });

      await page.goto(`${webUrl}/?q=hostile`);
      await page.waitForLoadState("networkidle");
      expect(
        await page.evaluate(() => (window as unknown as { __corpusXss?: string }).__corpusXss),
      ).toBeUndefined();
    });

    it("answers an unknown record with a quick 404 page that names itself", async () => {
      // Addresses no record could have (a zero-width space, a colon inside the slug) are unknown
      // records too, not a page quoting the API's rules for ids.
      for (const path of [
        "/documents/no-such-document",
        "/people/no-such-person",
        "/no/such/page",
        "/documents/%E2%80%8B",
        "/organizations/a:b",
        "/topics/x%00y",
      ]) {
        const started = Date.now();
        const response = await fetch(`${webUrl}${path}`);
        // The API's NOT_FOUND is final: no retry after a back-off, no 200 from a streamed shell.
        expect(Date.now() - started, path).toBeLessThan(900);
        expect(response.status, path).toBe(404);
        expect(await response.text()).toMatch(/<title>Not in this library · Corpus<\/title>/);
      }
      const citation = await fetch(`${webUrl}/documents/%E2%80%8B/cite/bibtex`);
      expect(citation.status).toBe(404);
      expect(await citation.text()).toMatch(/^No document .* in this library/);
      const page = await newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/.test(message.text())) errors.push(message.text());
      });
      await page.goto(`${webUrl}/no/such/page`);
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
    });

    it("filters by a typed date range, either way round, and moves between citation tabs with arrows", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/?q=peace`);
      expect(await page.title()).toBe("“peace” · Search · Corpus");
      await page.getByLabel("From").fill("2024");
      await page.getByLabel("To").fill("2019");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/from=2024/);
      await expect.poll(() => page.locator(".chip").first().textContent()).toMatch(/Date: 2019 to 2024/);
      expect(await page.locator(".notice.problem").count()).toBe(0);
      const years = await page
        .locator(".hit time")
        .evaluateAll((times) => times.map((time) => Number(time.getAttribute("datetime")?.slice(0, 4))));
      expect(years.length).toBeGreaterThan(0);
      for (const year of years) expect(year >= 2019 && year <= 2024).toBe(true);

      await page.locator(".hit h3 a").first().click();
      await page.waitForURL(/\/documents\//);
      await page.getByRole("tab", { name: "BibTeX" }).focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.getByTestId("citation-text").textContent()).toMatch(/^TY {2}- /m);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("RIS");
      expect(await page.getByRole("tab", { name: "BibTeX" }).getAttribute("tabindex")).toBe("-1");
    });

    it("keeps chart text readable and names whole on a phone", async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${webUrl}/explore`);
      await page.locator("svg.network").waitFor();
      // Text drawn smaller than 8px is unreadable; hidden labels (every other year on a phone) do not count.
      const tooSmall = await page.locator("svg.chart text").evaluateAll((texts) =>
        texts
          .filter((text) => getComputedStyle(text).display !== "none")
          .map((text) => `${text.textContent}: ${text.getBoundingClientRect().height.toFixed(1)}px`)
          .filter((entry) => Number(entry.split(": ").at(-1)?.replace("px", "")) < 8),
      );
      expect(tooSmall).toEqual([]);
      // Years and months sit under the axis, whatever size the phone draws them at: not over the
      // feet of the bars, not cut off at the bottom of the chart or at either end.
      const misplacedAxisLabels = () =>
        page.locator("figure.timeline svg.chart").evaluate((svg) => {
          const axis = svg.querySelector(".axis")?.getBoundingClientRect();
          const frame = svg.getBoundingClientRect();
          return [...svg.querySelectorAll("text")]
            .filter((text) => getComputedStyle(text).display !== "none")
            .filter((text) => {
              const box = text.getBoundingClientRect();
              return (
                !axis ||
                box.top < axis.bottom - 0.5 ||
                box.bottom > frame.bottom + 0.5 ||
                box.left < frame.left - 0.5 ||
                box.right > frame.right + 0.5
              );
            })
            .map((text) => text.textContent);
        });
      expect(await misplacedAxisLabels()).toEqual([]);
      const clipped = await page.locator("svg.network").evaluate((svg) => {
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")]
          .filter((text) => {
            const box = text.getBoundingClientRect();
            return box.left < frame.left - 1 || box.right > frame.right + 1;
          })
          .map((text) => text.textContent);
      });
      expect(clipped).toEqual([]);
      await page.screenshot({ path: join(artifacts, "8-explore-phone.png"), fullPage: true });
      // Names are drawn last, above every circle, and a click on one still opens that person.
      expect(await page.locator("svg.network > :last-child").getAttribute("class")).toBe("network-labels");
      const label = page.locator("svg.network .network-labels text").first();
      const name = await label.textContent();
      await label.scrollIntoViewIfNeeded();
      const box = await label.boundingBox();
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await page.waitForURL(/\/people\//);
      await expect.poll(() => page.locator("h1").textContent()).toBe(name);
      // Months over several years: the first and last labels reach the chart's ends.
      await page.goto(`${webUrl}/explore?bucket=month`);
      expect(await misplacedAxisLabels()).toEqual([]);
      await context.close();
    });

    it("shows the rest of a long facet on request, each value a working filter", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/`);
      const people = page.locator(".facets > details").filter({ hasText: "Person" });
      const more = people.locator("details.more-values");
      await expect.poll(() => more.count()).toBe(1);
      expect(await people.locator(":scope > ul > li").count()).toBe(10);
      expect(await more.locator("li a").first().isVisible()).toBe(false);
      await more.locator("summary").click();
      const hidden = more.locator("li a").first();
      await expect.poll(() => hidden.isVisible()).toBe(true);
      await hidden.click();
      await page.waitForURL(/person=/);
      await expect.poll(() => page.locator(".chip").count()).toBeGreaterThan(0);
      await page.context().close();
    });

    it("sends a link to another spelling's page to the page of the person it belongs to", async () => {
      const page = await newPage();
      // The demo's Seo Min-ji lists "Min-ji Seo" as an alias: /people/min-ji-seo is her page.
      const response = await page.goto(`${webUrl}/people/min-ji-seo`);
      expect(page.url()).toMatch(/\/people\/seo-min-ji$/);
      expect(response?.status()).toBe(200);
      expect(await page.locator("h1").textContent()).toBe("Seo Min-ji");
      // A whole id typed into the address is read as the id, and lands on the page's own address.
      await page.goto(`${webUrl}/people/person:seo-min-ji`);
      expect(page.url()).toMatch(/\/people\/seo-min-ji$/);
      // A search filtered on that spelling (a saved link) lands on the search for her id, facet ticked.
      await page.goto(`${webUrl}/?person=min-ji-seo&q=korea`);
      // Next redirects a streamed page in the browser: the URL changes just after the load.
      await page.waitForURL(/[?&]person=seo-min-ji(&|$)/);
      await expect
        .poll(() => page.locator('.facets a[aria-current="true"]').allTextContents())
        .toContainEqual(expect.stringContaining("Seo Min-ji"));
      await page.context().close();
    });

    it("names a person's companions as the library does, without calling the mentioned co-authors", async () => {
      const page = await newPage();
      // Seo Min-ji is "Min-ji Seo" on one page, and Donald Trump is only mentioned beside her.
      await page.goto(`${webUrl}/people/seo-min-ji`);
      const labels = await page.locator("svg.network .network-labels text").allTextContents();
      expect(labels).toContain("Seo Min-ji");
      expect(labels).not.toContain("Min-ji Seo");
      const companions = page.getByRole("region", { name: "People in the same documents" });
      expect(await companions.getByRole("link").allTextContents()).toContain("Donald Trump");
      expect(await page.getByText("Co-speakers and co-authors").count()).toBe(0);
      await page.context().close();
    });

    it("says so on the page of an organization that no document names, instead of empty lists", async () => {
      const page = await newPage();
      // The demo's list of entities names the War Prevention Initiative; no page of it does.
      await page.goto(`${webUrl}/organizations/war-prevention-initiative`);
      expect(await page.locator("h1").textContent()).toBe("War Prevention Initiative");
      expect(await page.locator("main").textContent()).toMatch(
        /No document in the library names this organization yet/,
      );
      expect(await page.getByRole("link", { name: "Search within them" }).count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Documents" }).count()).toBe(0);
      await page.context().close();
    });

    it("lists a region's documents without a role that only repeats what a region is", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/regions/korean-peninsula`);
      expect(await page.locator("h1").textContent()).toBe("Korean Peninsula");
      expect(await page.locator(".hits li").count()).toBeGreaterThan(0);
      expect(await page.getByRole("heading", { name: "As region" }).count()).toBe(0);
      expect(await page.locator("dt", { hasText: "Roles" }).count()).toBe(0);
      await page.goto(`${webUrl}/people/frank-aum`);
      expect(await page.getByRole("heading", { name: "As moderator" }).count()).toBe(1);
      await page.context().close();
    });

    it("shows which order of a list and which timeline bucket are in force", async () => {
      const page = await newPage();
      const weights = (names: string[]) =>
        Promise.all(
          names.map((name) =>
            page
              .getByRole("link", { name, exact: true })
              .evaluate(
                (link) => `${link.getAttribute("aria-current")}:${getComputedStyle(link).fontWeight}`,
              ),
          ),
        );
      await page.goto(`${webUrl}/people?sort=name`);
      expect(await weights(["most documents", "name"])).toEqual(["null:400", "true:700"]);
      await page.goto(`${webUrl}/explore?bucket=month`);
      expect(await weights(["year", "month"])).toEqual(["null:400", "true:700"]);
      await page.context().close();
    });

    it("lists people who may be one person, from the people page, linked to their pages", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/people`);
      await page.getByRole("link", { name: "names that may be one person" }).click();
      await page.waitForURL(/\/people\/duplicates$/);
      expect(await page.locator("h1").textContent()).toBe("People who may be one person");
      const group = page.locator(".duplicate-groups > li").filter({ hasText: "Ana Maria Ruiz" });
      expect(await group.getByRole("link").allTextContents()).toEqual(["Ana Maria Ruiz", "Ana Ruiz"]);
      await group.getByRole("link", { name: "Ana Ruiz", exact: true }).click();
      await page.waitForURL(/\/people\/ana-ruiz$/);
      // Her page names the other spelling, linked.
      const note = page.getByRole("complementary", { name: "Possibly the same person" });
      await note.getByRole("link", { name: "Ana Maria Ruiz" }).click();
      await page.waitForURL(/\/people\/ana-maria-ruiz$/);
      await page.context().close();
    });

    it("downloads the documents of a search as CSV and NDJSON, from a link on the search page", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/?q=ceasefire&kind=publication`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "CSV", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("corpus-search.csv");
      await page.context().close();
      const csv = await fetch(`${webUrl}/export?q=ceasefire&kind=publication&format=csv`);
      expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
      const rows = (await csv.text()).trim().split("\r\n");
      const ndjson = await (await fetch(`${webUrl}/export?q=ceasefire&kind=publication`)).text();
      const records = ndjson
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => record.kind === "publication")).toBe(true);
      expect(rows.length).toBe(records.length + 1);
      // As many as the search finds, in the order it shows them.
      const search = await fetch(
        `${apiUrl}/api/v1/documents/search?q=ceasefire&kind=publication&limit=100&facets=false`,
      );
      const hits = ((await search.json()) as { hits: { document: { id: string } }[] }).hits;
      expect(records.map((record) => record.id)).toEqual(hits.map((hit) => hit.document.id));
      const unknown = await fetch(`${webUrl}/export?q=ceasefire&format=xml`);
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toMatch(/Unknown download format "xml": use format=csv or format=ndjson/);
    });

    it("serves an Atom feed twin of a search", async () => {
      const response = await fetch(`${webUrl}/feed?q=ceasefire`);
      expect(response.headers.get("content-type")).toMatch(/application\/atom\+xml/);
      const xml = await response.text();
      expect(xml).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      expect(xml).toMatch(/<entry>/);
    });

    it("offers the first page of a search whose paging cursor the API refuses", async () => {
      const page = await newPage();
      await page.goto(`${webUrl}/?q=peace&after=not-a-cursor`);
      await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/cursor/);
      await page.getByRole("link", { name: "Show the first page of this search" }).click();
      await page.waitForURL((url) => url.search === "?q=peace");
      await expect.poll(() => page.locator("#results-heading").textContent()).toMatch(/\d+ documents/);
      await page.context().close();
    });

    it("says the API is down instead of showing a blank page", async () => {
      const deadApi = await startWeb("http://127.0.0.1:9");
      stops.push(deadApi.process.stop);
      const page = await newPage();
      await page.goto(`${deadApi.url}/?q=ceasefire`);
      await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/API is not answering/);
      await page.screenshot({ path: join(artifacts, "7-api-down.png"), fullPage: true });
      // The search form still works, its heading field suggesting the digest's headings.
      const list = await page.getByLabel("Section heading").getAttribute("list");
      expect(
        await page
          .locator(`datalist#${list} option`)
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      ).toEqual([
        "In the News",
        "Insight from Peace Science",
        "Practical Implications",
        "Talking Points",
        "Continued Reading",
      ]);
      // A download asked for then is a short message saying why, not an empty file.
      const download = await fetch(`${deadApi.url}/export?q=ceasefire&format=csv`);
      expect(download.status).toBe(502);
      expect(await download.text()).toMatch(/not answering/i);
    });
  },
);
