import { Parser } from "htmlparser2";
import type { ParseContext } from "./context.js";
import type { InputResult } from "./json-input.js";
import { parseTextInput } from "./text/parse-text.js";

// Elements whose content is never page text: code, chrome and navigation.
const skipped = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "iframe",
  "button",
  "select",
  "textarea",
  "canvas",
  "object",
  "head",
  "dialog",
]);
const blocks = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "blockquote",
  "figure",
  "figcaption",
  "pre",
  "hr",
  "address",
  "details",
  "summary",
  "body",
]);
const voidElements = new Set([
  "br",
  "hr",
  "img",
  "meta",
  "link",
  "input",
  "wbr",
  "source",
  "col",
  "area",
  "base",
]);
const chromeClass =
  /(?:^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|cookies?|footer|sidebar|share|social|skip|masthead|banner)(?:$|[\s_-])/i;
const chromeRole = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog)$/i;

export interface HtmlExtraction {
  text: string;
  title?: string;
  url?: string;
  site?: string;
  scriptBytes: number;
}

/** Main content of an HTML page as text: blocks become paragraphs, scripts and navigation are dropped. */
export function extractHtml(html: string): HtmlExtraction {
  const all: string[] = [];
  const main: string[] = [];
  let skipDepth = 0;
  let mainDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = "";
  let scriptBytes = 0;
  let inScript = false;
  let url: string | undefined;
  let site: string | undefined;
  // Each open element remembers whether it started a skipped or main region, to close it again.
  const stack: { name: string; skip: boolean; main: boolean }[] = [];
  const emit = (text: string) => {
    all.push(text);
    if (mainDepth > 0) main.push(text);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "title") inTitle = true;
        if (name === "meta") {
          const property = (attributes.property ?? attributes.name ?? "").toLowerCase();
          if (property === "og:url" && attributes.content) url = attributes.content;
          if (property === "og:site_name" && attributes.content) site = attributes.content;
        }
        if (name === "link" && attributes.rel === "canonical" && attributes.href) url ??= attributes.href;
        if (name === "script" || name === "style") inScript = true;
        if (voidElements.has(name)) {
          if (name === "br" && skipDepth === 0) emit("\n");
          if (name === "hr" && skipDepth === 0) emit("\n\n");
          return;
        }
        const classAndId = `${attributes.class ?? ""} ${attributes.id ?? ""}`;
        // A <header> or <footer> inside <main> or <article> is that piece's own (its title,
        // date, byline, tags), not the site's banner or footer, so it stays.
        const ownSection = (name === "header" || name === "footer") && mainDepth > 0;
        // ...and its class naming what it is ("event-footer") does not make it the site's chrome.
        const marker = ownSection ? classAndId.replace(/footer|header/gi, "") : classAndId;
        const skip =
          (skipped.has(name) && !ownSection) ||
          chromeRole.test(attributes.role ?? "") ||
          (marker.trim() !== "" && chromeClass.test(marker));
        const isMain = name === "main" || name === "article" || attributes.role === "main";
        stack.push({ name, skip, main: isMain });
        if (skip) skipDepth++;
        if (isMain) mainDepth++;
        if (name === "pre") preDepth++;
        if (skipDepth === 0 && blocks.has(name)) emit("\n\n");
      },
      ontext(text) {
        if (inScript) scriptBytes += text.length;
        if (inTitle) title += text;
        if (skipDepth > 0) return;
        emit(preDepth > 0 ? text : text.replace(/\s+/g, " "));
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "script" || name === "style") inScript = false;
        if (voidElements.has(name)) return;
        // Close up to the matching open element; htmlparser2 already balances implied closes.
        for (let index = stack.length - 1; index >= 0; index--) {
          if (stack[index]!.name !== name) continue;
          while (stack.length > index) {
            const closed = stack.pop()!;
            if (skipDepth === 0 && blocks.has(closed.name)) emit("\n\n");
            if (closed.skip) skipDepth--;
            if (closed.main) mainDepth--;
            if (closed.name === "pre") preDepth--;
          }
          break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const mainText = tidy(main.join(""));
  const text = mainText.length >= 40 ? mainText : tidy(all.join(""));
  const result: HtmlExtraction = { text, scriptBytes };
  const cleanTitle = title.replace(/\s+/g, " ").trim();
  if (cleanTitle) result.title = cleanTitle;
  if (url && /^https?:\/\//.test(url)) result.url = url;
  if (site?.trim()) result.site = site.trim();
  return result;
}

function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^ +| +$/g, ""))
    .join("\n");
}

export function parseHtmlInput(html: string, context: ParseContext): InputResult {
  const extraction = extractHtml(html);
  if (extraction.text.trim() === "") {
    const scripts = extraction.scriptBytes > 0;
    return {
      records: [],
      sources: [],
      diagnostics: [
        {
          severity: "error",
          code: scripts ? "script-heavy" : "no-content",
          file: context.path,
          message: scripts
            ? `${context.path}: the page is scripts and styles with no readable text (it is probably rendered by JavaScript); skipped, nothing stored. Save the page after it has loaded ("Save as: complete" or copy its text into a .txt file).`
            : `${context.path}: the page has no readable text; skipped, nothing stored.`,
        },
      ],
    };
  }
  const hints: { title?: string; url?: string; site?: string } = {};
  if (extraction.title) hints.title = extraction.title;
  if (extraction.url) hints.url = extraction.url;
  if (extraction.site) hints.site = extraction.site;
  const result = parseTextInput(extraction.text, context, hints);
  if (extraction.scriptBytes > extraction.text.length * 20 && extraction.scriptBytes > 50_000) {
    result.diagnostics.push({
      severity: "warning",
      code: "script-heavy",
      file: context.path,
      message: `${context.path}: mostly scripts (${extraction.scriptBytes} characters of script against ${extraction.text.length} of text); the text that was there was read, but the page may be incomplete. Save it after it has loaded.`,
    });
  }
  return result;
}
