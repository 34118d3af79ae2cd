import {
  createOrganizationId,
  createStub,
  type Document,
  foldLatinLetters,
  type PartialDate,
} from "@corpus/schema";
import citationJs, { type Cite } from "@citation-js/core";
import citationName from "@citation-js/name";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import type { CitationFormat } from "./schemas.js";

/** A CSL name; the particle of "Thomas de Waal" belongs with the family name ("de Waal, T."). */
export interface CslName {
  given?: string;
  family?: string;
  "non-dropping-particle"?: string;
  literal?: string;
}

/** CSL-JSON, the interchange format citation-js (and Zotero, Pandoc) read. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { "date-parts": number[][] };
  "event-date"?: { "date-parts": number[][] };
  "event-place"?: string;
  publisher?: string;
  "container-title"?: string;
  URL?: string;
  abstract?: string;
  volume?: string;
  issue?: string;
  language?: string;
  "citation-key"?: string;
}

const cslTypeBySubtype: Record<string, string> = {
  // Online analysis and commentary pieces are cited as web pages (APA: "Site. URL").
  analysis: "webpage",
  commentary: "webpage",
  article: "webpage",
  report: "report",
  "digest-article": "article-magazine",
  "podcast-episode": "broadcast",
  brief: "report",
  book: "book",
  interview: "interview",
  other: "document",
};

function dateParts(date: PartialDate | undefined): { "date-parts": number[][] } | undefined {
  // A date without a year cannot be cited; inferred parts are kept, as the record keeps them.
  if (!date?.year) return undefined;
  const parts = [date.year];
  if (date.month) {
    parts.push(date.month);
    if (date.day) parts.push(date.day);
  }
  return { "date-parts": [parts] };
}

// Names that English text often writes family name first: "Seo Min-ji", "Kim Jong Un", "Xi
// Jinping", "Kishida Fumio". The schema keeps one name string with no name order, so the order
// is read from the name itself: a common Korean, Chinese or Japanese family name, then a given
// name shaped like one (hyphenated syllables, two one-syllable words, one or two pinyin syllables,
// or Japanese syllables after a Japanese family name). Anything else ("Min-ji Seo", "Tongfi Kim",
// "Lee Wilson", "Shinzo Abe") is left to citation-js, which reads given name first.
const koreanChineseFamilies = new Set(
  "kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon chun ko go moon mun yang son sohn bae baek paik heo hur nam noh roh ha kwak sung seong cha joo ju woo koo ku min na jin ji eom um chae won bang kong hyun ham byun yeo ban gil pyo tak do seok ma goh wi yeom chu wang li zhang liu chen huang zhao wu zhou xu sun zhu hu guo he gao lin luo zheng liang xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren yao shen zhong cui tan fan liao shi jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan qian dai xi bo hua qi wen chiang tsai hsu hsieh chou kuo lai teng chao tsao ho kao soong tung wong chan cheung leung lau ng tse yeung".split(
    " ",
  ),
);
const japaneseFamilies = new Set(
  "abe sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu saito yamazaki mori ikeda hashimoto ishikawa ogawa okada hasegawa fujita goto kondo murakami endo aoki sakamoto fukuda ota nishimura fujii okamoto matsuda nakajima harada ono takeuchi kishida koizumi hatoyama noda suga ishiba kan aso nakasone obuchi hosokawa kono motegi kamikawa takaichi".split(
    " ",
  ),
);
// Family names so common that "Wei Li" or "Chen Lin" is more likely given name first.
const givenFirstWhenLast = new Set(
  "li lee wang zhang liu chen yang huang zhao wu zhou xu sun zhu lin kim park choi".split(" "),
);
// One romanised Korean or Chinese syllable (Revised Romanization, McCune-Reischauer, Wade-Giles):
// "min", "ji", "jong", "un", "yeol", "shek", "hui", "jeou".
const syllable =
  /^(?:ch|sh|zh|ts|tz|hs|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxyz])?'?[yw]?(?:a|ae|ai|ao|e|ei|eo|eou|eu|i|ia|iao|ie|iu|o|oe|oi|oo|ou|u|ua|uai|ue|ui|uo|ü)(?:ng|n|m|l|k|p|t|h|b|g)?$/;
// One or two pinyin syllables written as one word: "jinping", "keqiang", "yi".
const pinyinSyllable =
  "(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ui|un|uo|ue|a|e|i|u|ü)|[bpmfwy]?o|er)";
const pinyinGiven = new RegExp(`^${pinyinSyllable}${pinyinSyllable}?$`);
// Japanese syllables, two or more: "fumio", "shinzo", "yoshihide".
const japaneseGiven =
  /^(?:(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|ts|[kgsztdnhbpmyrwjf])?[aiueoōū]|n(?![aiueoōūy])){2,}$/;

function familyFirst(name: string): { given: string; family: string } | undefined {
  const words = name.split(" ");
  if (words.length < 2 || words.length > 3) return undefined;
  const family = words[0]!;
  const key = family.toLowerCase();
  const rest = words.slice(1).map((word) => word.toLowerCase());
  const given = words.slice(1).join(" ");
  if (!/^\p{Lu}/u.test(family) || words.slice(1).some((word) => !/^\p{Lu}/u.test(word))) return undefined;
  if (japaneseFamilies.has(key))
    return rest.length === 1 && japaneseGiven.test(rest[0]!) ? { given, family } : undefined;
  if (!koreanChineseFamilies.has(key)) return undefined;
  if (rest.length === 2) return rest.every((word) => syllable.test(word)) ? { given, family } : undefined;
  const word = rest[0]!;
  const parts = word.split(/[-‐]/);
  if (parts.length === 2) return parts.every((part) => syllable.test(part)) ? { given, family } : undefined;
  if (parts.length === 1 && pinyinGiven.test(word) && !givenFirstWhenLast.has(word)) return { given, family };
  return undefined;
}

function personName(name: string): CslName {
  const ordered = familyFirst(name.trim());
  if (ordered) return ordered;
  const parsed = citationName.parse(name);
  if (!parsed.family) return { literal: name };
  const particle = parsed["non-dropping-particle"];
  return particle
    ? { given: parsed.given, "non-dropping-particle": particle, family: parsed.family }
    : { given: parsed.given, family: parsed.family };
}

// Words a citation key skips: articles, short function words (English and the articles of the
// languages titles here come in), and the genre labels events and series put before a colon
// ("Webinar: Protecting Local Peacemakers").
const keySkipWords = new Set(
  "a an the of and or in on at to for from with by as is are de del der des die du el la las le les los von".split(
    " ",
  ),
);
const genreLabels = new Set(
  "webinar roundtable panel event interview podcast episode briefing conference symposium workshop report issue volume".split(
    " ",
  ),
);

/**
 * The ASCII letters and digits of each word, as BibTeX keys hold them ("Hadžić" -> "Hadzic").
 * Apostrophes split words as citation-js splits them ("Colombia's" -> "Colombia", "s") unless
 * `joinApostrophes` ("Colombia's" -> "Colombias").
 */
function keyWords(text: string, joinApostrophes = false): string[] {
  const folded = foldLatinLetters(text.normalize("NFKD"));
  return (joinApostrophes ? folded.replace(/['\u2019]/g, "") : folded)
    .replace(/[^\u0000-\u007f]+/g, "")
    .split(/[^A-Za-z0-9_]+/)
    .filter((word) => word.length > 0);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function significantTitleWords(title: string, count: number): string[] {
  const genre = /^([^:]+):\s*\S/.exec(title);
  const rest =
    genre && keyWords(genre[1]!).every((word) => genreLabels.has(word.toLowerCase()))
      ? title.slice(genre[0].length - 1)
      : title;
  return keyWords(rest, true)
    .filter((word) => /^[A-Za-z]/.test(word) && !keySkipWords.has(word.toLowerCase()))
    .slice(0, count)
    .map(capitalised);
}

/**
 * The BibTeX key: "Aum2021Case" (family name, year, first title word: what citation-js writes,
 * kept so that keys already in users' .bib files do not change). A record without an author is
 * keyed by its title ("UkraineTalks2025"), never by a bare year or one common word; a record
 * without a year gets its id's hash ("YemenTruce_b4865639"), so that two undated records with
 * similar titles do not share a key. Keys start with a letter and hold only [A-Za-z0-9_].
 */
function citationKey(document: Document, item: CslItem): string {
  const year = item.issued?.["date-parts"][0]?.[0];
  const author = item.author?.[0] ?? item.editor?.[0];
  const family = author ? keyWords(author.family ?? author.literal ?? "")[0] : undefined;
  let key: string;
  if (family) {
    const word = keyWords(document.title).find((candidate) => !/^(?:a|an|the)$/i.test(candidate));
    key = `${family}${year ?? ""}${word ?? ""}`;
  } else {
    const words = significantTitleWords(document.title, 2);
    key = `${words.length > 0 ? words.join("") : capitalised(document.kind)}${year ?? ""}`;
  }
  if (year === undefined) {
    const hash = /-([0-9a-f]{8})$/.exec(document.id)?.[1];
    const suffix =
      hash ??
      keyWords(document.id.replace(/^[a-z]+:/, ""))
        .join("")
        .slice(-12);
    if (suffix) key = `${key}_${suffix}`;
  }
  return /^[A-Za-z]/.test(key) ? key : `${capitalised(document.kind)}${key}`;
}

// Types whose APA template reads container-title as a collection the item is "In" ("In
// Hanbit Institute for Unification Studies."): a website is no such collection, and the
// organization behind it is the item's publisher.
const siteIsNoContainer = new Set(["event", "report", "broadcast"]);

/** A name without the acronym a page adds after it: "Hanbit Institute … Studies (HIUS)" -> "Hanbit Institute … Studies". */
function withoutAcronym(name: string): string {
  return name.replace(/\s*\((?:\p{Lu}\.?){2,}\)$/u, "");
}

/**
 * Is `site` the organization `id`'s own site? Pages name one organization several ways ("USIP",
 * "U.S. Institute of Peace", "… Studies (HIUS)") and the site by its full name, so the id the
 * site's name gives, or any name the document gives that organization, decides; not the
 * publisher's name as printed.
 */
function isOwnSite(document: Document, site: string, id: string): boolean {
  if (createOrganizationId(site) === id) return true;
  const key = (name: string) => withoutAcronym(name).trim().toLowerCase();
  return document.organizations.some(
    (involvement) => involvement.organization.id === id && key(involvement.organization.name) === key(site),
  );
}

/**
 * The publisher (the publishing or hosting organization) and the container (the site), each
 * organization once: when the site is the publisher's own, APA names it once, as the publisher
 * where the type reads a container as a collection (see siteIsNoContainer), else as the container.
 */
function placeOrganization(document: Document, item: CslItem): void {
  const site = document.source?.site;
  const publisher = document.organizations.find(
    (involvement) => involvement.role === "publisher" || involvement.role === "host",
  )?.organization;
  if (!publisher || !site) {
    if (publisher) item.publisher = publisher.name;
    if (site) item["container-title"] = site;
    return;
  }
  if (!isOwnSite(document, site, publisher.id)) {
    item.publisher = publisher.name;
    item["container-title"] = site;
  } else if (siteIsNoContainer.has(item.type)) {
    // The site writes the organization's full name; pages often print an acronym ("USIP").
    item.publisher = site;
  } else item["container-title"] = site;
}

export function toCsl(document: Document): CslItem {
  const item: CslItem = { id: document.id, type: "document", title: document.title };
  if (document.kind === "publication") item.type = cslTypeBySubtype[document.subtype] ?? "document";
  else if (document.kind === "event") item.type = "event";
  else if (document.kind === "issue") item.type = "periodical";
  const authors = document.people.filter(
    (person) => person.role === "author" || person.role === "contributor",
  );
  if (authors.length > 0) item.author = authors.map((person) => personName(person.person.name));
  const editors = document.people.filter((person) => person.role === "editor");
  if (editors.length > 0) item.editor = editors.map((person) => personName(person.person.name));
  const issued = dateParts(document.date);
  if (issued) item.issued = issued;
  if (document.kind === "event") {
    if (issued) item["event-date"] = issued;
    if (document.location) item["event-place"] = document.location;
  }
  if (document.kind === "issue") {
    if (document.volume !== undefined) item.volume = String(document.volume);
    if (document.number !== undefined) item.issue = String(document.number);
  }
  placeOrganization(document, item);
  if (document.source?.url) item.URL = document.source.url;
  if (document.summary) item.abstract = document.summary;
  if (document.language) item.language = document.language;
  item["citation-key"] = citationKey(document, item);
  return item;
}

const mediaTypes: Record<CitationFormat, string> = {
  bibtex: "application/x-bibtex",
  ris: "application/x-research-info-systems",
  "csl-json": "application/vnd.citationstyles.csl+json",
  apa: "text/plain",
};

/**
 * RIS with citation-js's tags and values, one line per tag. Its text output wraps every value
 * after 70 characters, mid-word, and cuts ID to 20 (both old Reference Manager allowances):
 * Zotero and EndNote join a continuation line to the one before with a space ("village co
 * mmittees"), and a cut id no longer finds the record. So only the line layout is written here.
 * A line break inside a value (a scraped summary) becomes a space: RIS ends a value at the line
 * end, and the next line must not be read as a tag of its own.
 */
function formatRis(citation: Cite, item: CslItem): string {
  return citation
    .format("ris", { format: "object" })
    .map((entry) => {
      const lines = [`TY  - ${entry.TY}`];
      for (const [tag, value] of Object.entries({ ...entry, ID: item.id })) {
        if (tag === "TY") continue;
        for (const each of [value].flat())
          lines.push(`${tag}  - ${String(each).replace(/\s*[\r\n]+\s*/g, " ")}`);
      }
      lines.push("ER  - ");
      return lines.join("\n");
    })
    .join("\n");
}

/**
 * Formats a document through citation-js: the fields, names, dates and types of every format are
 * its mapping; only RIS's line layout is written here (see formatRis).
 */
export function cite(document: Document, format: CitationFormat): { mediaType: string; text: string } {
  const item = toCsl(document);
  const citation = new citationJs.Cite(item);
  let text: string;
  if (format === "csl-json") text = JSON.stringify([item], null, 2);
  else if (format === "apa")
    text = citation.format("bibliography", { template: "apa", format: "text", lang: "en-US" }).trim();
  else if (format === "ris") text = formatRis(citation, item);
  else text = new citationJs.Cite(withoutDay(item)).format("bibtex").trim();
  return { mediaType: mediaTypes[format], text };
}

// Any record will do: the engine is built for the style and locale, not for the record.
const warmUpDocument = createStub("doc:warm-up", "Warm-up");
/** How long a server must go without a new request before the warm-up runs. */
export const CITATION_WARM_UP_QUIET_MS = 300;
let warmUpTimer: NodeJS.Timeout | undefined;
let warmedUp = false;
let announceWarm: () => void = () => {};
const warm = new Promise<void>((resolve) => {
  announceWarm = resolve;
});

/**
 * Builds citation-js's APA engine before anyone asks for a citation: citeproc compiles the APA
 * style on its first use, about 1.2 s of CPU on the event loop that would otherwise land on that
 * request. A server calls this on each request, and the build runs once, after
 * CITATION_WARM_UP_QUIET_MS with no new request: run at once, it stalled the very request that
 * asked for it while that one waited for the store. Not called by the router itself: the TUI's
 * in-process router would freeze for that long while someone types. The timer does not keep a process alive
 * (a script that ends first never pays), and the returned promise resolves when the engine is
 * built; it never rejects: a fault here shows again, with its request, on the first citation.
 */
export function warmUpCitations(): Promise<void> {
  if (warmedUp) return warm;
  if (warmUpTimer) warmUpTimer.refresh();
  else {
    warmUpTimer = setTimeout(() => {
      warmedUp = true;
      try {
        cite(warmUpDocument, "apa");
      } catch {
        // Reported by the first citation a user asks for.
      }
      announceWarm();
    }, CITATION_WARM_UP_QUIET_MS);
    warmUpTimer.unref();
  }
  return warm;
}

/**
 * The item with its dates cut to year and month, for BibTeX: the format has a month field and no
 * day, and citation-js writes a day into the month ("month = {apr 20}"), which styles print as is
 * and biber cannot read as a month.
 */
function withoutDay(item: CslItem): CslItem {
  const cut = (date: CslItem["issued"]) =>
    date ? { "date-parts": date["date-parts"].map((parts) => parts.slice(0, 2)) } : undefined;
  const result: CslItem = { ...item };
  if (item.issued) result.issued = cut(item.issued);
  if (item["event-date"]) result["event-date"] = cut(item["event-date"]);
  return result;
}
