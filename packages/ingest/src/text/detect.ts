import { agendaHeading, isDateLine, type Line, relatedHeading, speakersHeading } from "./lines.js";

const listingHeading =
  /^(publications|analysis|latest|archive|search results|results|articles|all publications|topic:.*)$/i;
import { publicationStart, readPublicationBlocks } from "./publications.js";

export interface Layout {
  name: "digest-article" | "digest-issue" | "event" | "listing" | "publication" | "generic";
  /** The site the page names itself as, when its structure says so (a tagline, a masthead line). */
  site?: string;
  /** Index of the first line after any site chrome (tagline, masthead). */
  bodyStart: number;
}

const digestTagline = /^Peace Science Made Accessible/i;
const digestSection =
  /^(In the News|Insight from Peace Science|Practical Implications|Talking Points|Continued Reading|Informing Practice|The Research)\s*:?$/i;
const issueLine = /^(?:vol(?:ume|\.)?)\s*(\d+)\s*,?\s*(?:issue|no\.?|number)\s*(\d+)\b/i;
const eventLabel =
  /^(event|events|seminar|webinar|panel discussion|conference|roundtable|symposium|workshop|lecture|briefing|forum|past event|upcoming event)s?$/i;

/**
 * Picks a reader by structural evidence, strongest first. Each test looks at line shapes that
 * the whole family of a layout shares, not at a particular site's wording.
 * See docs/decisions/0011-layout-detection.md.
 */
export function detectLayout(lines: readonly Line[]): Layout {
  let bodyStart = 0;
  let site: string | undefined;
  if (lines[0] && digestTagline.test(lines[0].text)) {
    site = "Peace Science Digest";
    bodyStart = 1;
    if (lines[1]?.text === "Peace Science Digest") bodyStart = 2;
  }
  const head = lines.slice(0, 60);
  const withSite = (name: Layout["name"]): Layout => (site ? { name, site, bodyStart } : { name, bodyStart });
  if (
    head.some((line) => issueLine.test(line.text) && line.text.length < 80) &&
    !lines.some((line) => digestSection.test(line.text))
  ) {
    return withSite("digest-issue");
  }
  if (lines.some((line) => digestSection.test(line.text))) return withSite("digest-article");
  const blocks = readPublicationBlocks(lines, bodyStart, lines.length);
  const eventEvidence =
    lines.filter((line) => speakersHeading.test(line.text) || agendaHeading.test(line.text)).length * 2 +
    (lines.some((line) => /^(moderator|panelists?|speakers?)\s*:/i.test(line.text)) ? 2 : 0) +
    (lines.some((line) => /^(date|time|location)\s*:/i.test(line.text)) ? 1 : 0) +
    (lines.some((line) => /\b(?:co-)?hosted\b|\bhosted by\b|\bwill host\b/i.test(line.text)) ? 1 : 0) +
    (lines.slice(0, 6).some((line) => eventLabel.test(line.text)) ? 2 : 0) +
    (lines.some((line) => /,\s*(moderator|panelist|keynote)$/i.test(line.text)) ? 2 : 0);
  const firstBlock = blocks[0];
  // A page that opens with a publication block (title, date, By:) is that publication, whatever follows.
  const opensWithPublication =
    firstBlock !== undefined &&
    firstBlock.first <= bodyStart + 1 &&
    (firstBlock.byLine || firstBlock.typeLine);
  if (opensWithPublication && firstBlock.body.length >= 3 && eventEvidence < 3)
    return withSite("publication");
  if (eventEvidence >= 3) return withSite("event");
  if (blocks.length >= 2 || (blocks.length === 1 && site)) return withSite("listing");
  const listHeading = lines
    .slice(0, firstBlock?.first ?? 0)
    .some((line) => relatedHeading.test(line.text) || listingHeading.test(line.text));
  if (blocks.length === 1 && firstBlock && firstBlock.first <= bodyStart + 2 && !listHeading)
    return withSite("publication");
  if (blocks.length === 1 && listHeading) return withSite("listing");
  if (site && lines.length > bodyStart && publicationStart(lines, bodyStart) === 2)
    return withSite("digest-article");
  if (eventEvidence >= 2 && lines.some((line) => isDateLine(line))) return withSite("event");
  return withSite("generic");
}

export { digestSection, issueLine };
