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

/**
 * The Digest's pages open with a masthead line that starts with its name's first two words (its
 * tagline on saved article pages, its name elsewhere). Only a short first line counts, and not one
 * that the next line repeats: these sites print an article's title twice.
 */
const digestMasthead = /^Peace Science\b/i;
const isDigestMasthead = (lines: readonly Line[]): boolean =>
  lines[0] !== undefined &&
  lines[0].text.length <= 120 &&
  digestMasthead.test(lines[0].text) &&
  lines[1]?.text !== lines[0].text;
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
  if (isDigestMasthead(lines)) {
    site = "Peace Science Digest";
    bodyStart = 1;
    if (lines[1]?.text === "Peace Science Digest") bodyStart = 2;
  }
  const withSite = (name: Layout["name"]): Layout => (site ? { name, site, bodyStart } : { name, bodyStart });
  // One pass over the lines collects every piece of evidence the rules below weigh.
  let issueNearTop = false;
  let digestSections = false;
  let headings = 0;
  let peopleLabel = false;
  let whenLabel = false;
  let hosted = false;
  let labelNearTop = false;
  let roleSuffix = false;
  lines.forEach((line, index) => {
    const text = line.text;
    if (index < 60 && !issueNearTop && text.length < 80 && issueLine.test(text)) issueNearTop = true;
    if (!digestSections && digestSection.test(text)) digestSections = true;
    if (speakersHeading.test(text) || agendaHeading.test(text)) headings++;
    if (!peopleLabel && /^(moderator|panelists?|speakers?)\s*:/i.test(text)) peopleLabel = true;
    if (!whenLabel && /^(date|time|location)\s*:/i.test(text)) whenLabel = true;
    if (!hosted && /\bhost/i.test(text) && /\b(?:co-)?hosted\b|\bhosted by\b|\bwill host\b/i.test(text))
      hosted = true;
    if (index < 6 && !labelNearTop && eventLabel.test(text)) labelNearTop = true;
    // Checked on the tail first: the pattern is anchored only at the end.
    if (
      !roleSuffix &&
      /(moderator|panelist|keynote)$/i.test(text.slice(-9)) &&
      /,\s*(moderator|panelist|keynote)$/i.test(text)
    )
      roleSuffix = true;
  });
  if (issueNearTop && !digestSections) return withSite("digest-issue");
  if (digestSections) return withSite("digest-article");
  const blocks = readPublicationBlocks(lines, bodyStart, lines.length);
  const eventEvidence =
    headings * 2 +
    (peopleLabel ? 2 : 0) +
    (whenLabel ? 1 : 0) +
    (hosted ? 1 : 0) +
    (labelNearTop ? 2 : 0) +
    (roleSuffix ? 2 : 0);
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
