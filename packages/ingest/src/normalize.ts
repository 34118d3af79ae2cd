/**
 * The normalised text every provenance span indexes into. Idempotent: normalising twice gives
 * the same text as normalising once (a property test holds this).
 *
 * - Unicode NFC, so the same word is the same code units whatever the source's encoding habits;
 * - line breaks as "\n"; a leading byte-order mark dropped;
 * - control characters (other than tab and newline) and zero-width marks removed, since a scraped
 *   page must never carry terminal control codes into the library;
 * - non-breaking and other exotic spaces as a plain space, tabs as a space;
 * - trailing spaces on each line removed, runs of blank lines collapsed to one blank line;
 * - leading and trailing blank lines removed.
 */
export function normalizeText(input: string): string {
  let text = input.normalize("NFC");
  // Most texts have nothing these four replacements would change: one pass finds that out.
  if (anythingToReplace.test(text)) {
    text = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
    text = text.replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe]/g,
      "",
    );
    text = text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ");
    text = text.replace(/ +\n/g, "\n");
  }
  text = trimEnd(text, 32);
  text = text.replace(/\n{3,}/g, "\n\n");
  text = trimEnd(trimStart(text, 10), 10);
  // NFC may recombine across removed characters; one more pass makes the result a fixed point.
  const again = text.normalize("NFC");
  return again === text ? text : normalizeText(again);
}

// Whatever one of the first four replacements in `normalizeText` matches: a line break other than
// "\n", a control character other than "\n" (tab included), a zero-width mark, an exotic space, a
// space before a line break.
const anythingToReplace =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\ufffe]| \n/;

// What `/^c+/` and `/c+$/` would remove, found without a regular expression (an end-anchored
// pattern is tried at every position of the text).
function trimStart(text: string, code: number): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === code) start++;
  return start === 0 ? text : text.slice(start);
}

function trimEnd(text: string, code: number): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === code) end--;
  return end === text.length ? text : text.slice(0, end);
}
