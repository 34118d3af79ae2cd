import { personRoleSchema, type PersonRole } from "@corpus/schema";

// Longest first, so "Lieutenant General (retired)" wins over "Lieutenant General" and "General".
const honorifics = [
  "Lieutenant General (retired)",
  "Lieutenant General (ret.)",
  "Lt. Gen. (ret.)",
  "Lt. Gen. (retired)",
  "Major General (retired)",
  "Maj. Gen. (ret.)",
  "General (retired)",
  "Gen. (ret.)",
  "Admiral (retired)",
  "Adm. (ret.)",
  "Colonel (retired)",
  "Col. (ret.)",
  "The Honorable",
  "The Hon.",
  "Hon.",
  "Lieutenant General",
  "Lt. Gen.",
  "Major General",
  "Maj. Gen.",
  "Brigadier General",
  "Brig. Gen.",
  "General",
  "Gen.",
  "Vice Admiral",
  "Rear Admiral",
  "Admiral",
  "Adm.",
  "Lieutenant Colonel",
  "Lt. Col.",
  "Colonel",
  "Col.",
  "Major",
  "Maj.",
  "Captain",
  "Capt.",
  "Ambassador",
  "Amb.",
  "Professor",
  "Prof.",
  "Dr.",
  "Dr",
  "Mr.",
  "Ms.",
  "Mrs.",
  "Mx.",
  "Sir",
  "Dame",
  "Senator",
  "Sen.",
  "Representative",
  "Rep.",
  "Rev.",
  "Reverend",
  "Sheikh",
  "H.E.",
  "His Excellency",
  "Her Excellency",
].sort((left, right) => right.length - left.length);
const honorificPattern = new RegExp(
  `^(?:(${honorifics.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\s+)+`,
);
const trailingRankEnd = /(?:\)|Jr\.|Sr\.|II|Ph\.?D\.?|PhD)$/;
const trailingRank = /,?\s*\((ret\.|retired)\)$|,?\s+(Jr\.|Sr\.|III|II|Ph\.?D\.?|PhD)$/;

export interface NameParts {
  name: string;
  honorific?: string;
  /** Offset of `name` within the text given. */
  offset: number;
}

/** "Ambassador Hesham Youssef" → honorific "Ambassador", name "Hesham Youssef". */
export function splitHonorific(text: string): NameParts {
  let offset = text.length - text.trimStart().length;
  let rest = text.trim();
  const found: string[] = [];
  const match = honorificPattern.exec(rest);
  if (match) {
    const words = match[0].trim();
    found.push(words);
    offset += match[0].length;
    rest = rest.slice(match[0].length);
  }
  // As in splitRoleSuffix: only a line ending like a rank or suffix can have one.
  const trailing = trailingRankEnd.test(rest.slice(-8)) ? trailingRank.exec(rest) : null;
  if (trailing && trailing[1] !== undefined) {
    found.push(`(${trailing[1]})`);
    rest = rest.slice(0, trailing.index);
  } else if (trailing) {
    rest = rest.slice(0, trailing.index);
  }
  const parts: NameParts = { name: rest.trim(), offset };
  if (found.length > 0) parts.honorific = found.join(" ");
  return parts;
}

const particles = new Set([
  "de",
  "da",
  "del",
  "della",
  "der",
  "den",
  "di",
  "du",
  "dos",
  "das",
  "van",
  "von",
  "bin",
  "bint",
  "ibn",
  "al",
  "el",
  "la",
  "le",
  "ter",
  "y",
  "abu",
  "ould",
]);
const notNameWords = new Set(
  "Senior Junior Expert Advisor Adviser Director Fellow Researcher Professor Chair Head Officer Manager Analyst Coordinator Editor Associate Assistant Deputy Executive Former Member Leader Leaders Community Universidad Université Universität Speakers Speaker Panelists Panelist Moderator Moderators Keynote Related Publications Publication Agenda Schedule Program Programme Event Events About Overview Summary Type Topics Topic Region Regions Issue Volume Article Articles Next Previous Read More View All Home News Contact Share Follow Register Watch Download Subscribe Donate Search Menu Policy Peace Security Institute Center Centre University School Council Foundation Ministry Department Commission Committee Network Forum Group Opening Closing Remarks Welcoming Welcome Session Panel Discussion Conference Webinar Seminar Roundtable Lunch Break Reception Date Time Location Hosted Sponsored Filter Showing Results Analysis Commentary Report Korea Korean North South East West United States Nations Union Middle War The And Of For In On With At A An To".split(
    " ",
  ),
);

// Words a job title is made of: "Founder", "Vice President", "Senior Fellow", "Executive
// Director", "Co-founder", "Chief Executive Officer". A line whose part before its first comma is
// only such words is "Title, Organization", not "Name, Title".
const titleWords = new Set(
  "founder co-founder cofounder founding president vice chair chairman chairwoman chairperson co-chair director fellow senior junior principal distinguished visiting nonresident non-resident adjunct emeritus associate assistant deputy executive managing acting interim former chief ceo cto coo cfo officer head lead leader manager coordinator secretary secretary-general under-secretary-general general minister envoy special representative ambassador professor lecturer provost rector researcher scholar analyst advisor adviser counsel counselor counsellor editor editor-in-chief correspondent journalist reporter producer host consultant specialist expert partner trustee commissioner governor member organizer organiser activist strategist administrator program programme research policy country regional national international board of".split(
    " ",
  ),
);

/** "Founder", "Senior Fellow", "Vice President": every word a job-title word. */
function isJobTitle(text: string): boolean {
  let sawWord = false;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text.charCodeAt(index) !== 32) continue;
    if (index > start) {
      const word = text.slice(start, index).toLowerCase().replace(/\.$/, "");
      if (!titleWords.has(word)) return false;
      sawWord = true;
    }
    start = index + 1;
  }
  return sawWord;
}

/** Does this look like a person's name (2 to 6 words, capitalised, no digits, not a heading)? */
export function looksLikePersonName(text: string): boolean {
  const name = text.trim();
  if (name.length < 4 || name.length > 60 || /[\d@#:;!?"“”()/|]/.test(name)) return false;
  // "Founder, Herat Women's Learning Circle": a title and an organization, nobody's name.
  const comma = name.indexOf(",");
  if (comma > 0 && isJobTitle(name.slice(0, comma))) return false;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  let capitalised = 0;
  for (const word of words) {
    if (particles.has(word.toLowerCase()) && word !== words[0]) continue;
    if (/^\p{Lu}\.$/u.test(word) && word !== words[0]) continue; // a middle initial
    if (notNameWords.has(word.replace(/[,.]$/, ""))) return false;
    if (/^\p{Lu}\.?$/u.test(word)) continue; // an initial
    if (
      !/^(\p{Lu}[\p{L}'’]*)([-‐][\p{L}'’]+)*[.,]?$/u.test(word) &&
      !/^(al|el|bin|ibn|de|van|von)-\p{Lu}/u.test(word)
    )
      return false;
    capitalised++;
  }
  return capitalised >= 2 || (capitalised >= 1 && words.length >= 2 && /^\p{Lu}\./u.test(words[0]!));
}

const roleWords: Record<string, PersonRole> = {
  moderator: "moderator",
  moderated: "moderator",
  chair: "moderator",
  panelist: "panelist",
  panellist: "panelist",
  panelists: "panelist",
  keynote: "keynote",
  "keynote speaker": "keynote",
  "keynote address": "keynote",
  speaker: "speaker",
  speakers: "speaker",
  "featured speakers": "speaker",
  presenter: "presenter",
  discussant: "discussant",
  host: "host",
  "welcoming remarks": "welcoming-remarks",
  "welcome remarks": "welcoming-remarks",
  "opening remarks": "welcoming-remarks",
  "introductory remarks": "welcoming-remarks",
  "closing remarks": "closing-remarks",
  interviewer: "interviewer",
  interviewee: "interviewee",
  guest: "interviewee",
  author: "author",
  editor: "editor",
  "edited by": "editor",
  contributor: "contributor",
};

/** The schema role for a printed role word: "moderator", "Panelists", "welcoming remarks". */
export function roleFromWord(word: string): PersonRole | undefined {
  const key = word.trim().toLowerCase().replace(/[:.]$/, "");
  return roleWords[key] ?? (personRoleSchema.safeParse(key).success ? (key as PersonRole) : undefined);
}

const roleSuffix =
  /(?:,\s*|\s+[-–—]\s+|\s*\()(moderator|panelist|panellist|keynote speaker|keynote|discussant|presenter|host|welcoming remarks|welcome remarks|opening remarks|closing remarks|introductory remarks|chair)\)?$/i;

const roleSuffixEnd =
  /(moderator|panelist|panellist|keynote speaker|keynote|discussant|presenter|host|welcoming remarks|welcome remarks|opening remarks|closing remarks|introductory remarks|chair)\)?$/i;

/** "Ramon Pacheco Pardo, moderator" → name part and role. */
export function splitRoleSuffix(text: string): { rest: string; role?: PersonRole; roleLabel?: string } {
  // The pattern is anchored at the end but not the start; on a long line it would try every
  // position. Every suffix it knows ends in one of these words, so look at the tail first.
  if (!roleSuffixEnd.test(text.slice(-24))) return { rest: text };
  const match = roleSuffix.exec(text);
  if (!match) return { rest: text };
  const role = roleFromWord(match[1]!);
  const result: { rest: string; role?: PersonRole; roleLabel?: string } = {
    rest: text.slice(0, match.index),
  };
  if (role) result.role = role;
  return result;
}
