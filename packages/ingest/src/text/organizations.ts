import { createOrganizationId } from "./ids.js";
import type { Span } from "@corpus/schema";
import { createGazetteer, fold } from "./gazetteer.js";

/**
 * Organizations the library meets often, with the aliases and acronyms that name them. The id
 * is made from the canonical name, so "USIP", "U.S. Institute of Peace" and "United States
 * Institute of Peace" are one node. Add rows here as new sources arrive; unknown organizations
 * still work, under the name as printed.
 */
export interface KnownOrganization {
  name: string;
  acronym?: string;
  aliases: readonly string[];
}

export const knownOrganizations: readonly KnownOrganization[] = [
  {
    name: "United States Institute of Peace",
    acronym: "USIP",
    aliases: ["U.S. Institute of Peace", "US Institute of Peace"],
  },
  {
    name: "Centre for Security, Diplomacy and Strategy",
    acronym: "CSDS",
    aliases: ["Center for Security, Diplomacy and Strategy"],
  },
  { name: "Brussels School of Governance", acronym: "BSoG", aliases: [] },
  { name: "Vrije Universiteit Brussel", acronym: "VUB", aliases: [] },
  { name: "Korea Foundation", aliases: [] },
  { name: "Peace Science Digest", aliases: [] },
  { name: "Carnegie Endowment for International Peace", aliases: ["Carnegie Endowment", "Carnegie"] },
  { name: "International Crisis Group", aliases: ["Crisis Group"] },
  { name: "Stimson Center", aliases: ["Henry L. Stimson Center", "The Stimson Center"] },
  { name: "Asan Institute for Policy Studies", aliases: ["Asan Institute"] },
  { name: "Brookings Institution", aliases: ["Brookings"] },
  { name: "Center for Strategic and International Studies", acronym: "CSIS", aliases: [] },
  { name: "Council on Foreign Relations", acronym: "CFR", aliases: [] },
  { name: "Chatham House", aliases: ["Royal Institute of International Affairs"] },
  { name: "RAND Corporation", aliases: ["RAND"] },
  { name: "Atlantic Council", aliases: [] },
  { name: "Wilson Center", aliases: ["Woodrow Wilson International Center for Scholars"] },
  { name: "Stockholm International Peace Research Institute", acronym: "SIPRI", aliases: [] },
  { name: "Peace Research Institute Oslo", acronym: "PRIO", aliases: [] },
  { name: "International Institute for Strategic Studies", acronym: "IISS", aliases: [] },
  { name: "Uppsala Conflict Data Program", acronym: "UCDP", aliases: [] },
  { name: "Kroc Institute for International Peace Studies", aliases: ["Kroc Institute"] },
  { name: "United Nations", acronym: "UN", aliases: ["U.N."] },
  {
    name: "United Nations Security Council",
    acronym: "UNSC",
    aliases: ["UN Security Council", "U.N. Security Council", "Security Council"],
  },
  { name: "United Nations Development Programme", acronym: "UNDP", aliases: [] },
  { name: "Office of the High Commissioner for Human Rights", acronym: "OHCHR", aliases: [] },
  { name: "North Atlantic Treaty Organization", acronym: "NATO", aliases: [] },
  { name: "European Union", acronym: "EU", aliases: ["E.U."] },
  { name: "African Union", acronym: "AU", aliases: [] },
  { name: "Association of Southeast Asian Nations", acronym: "ASEAN", aliases: [] },
  { name: "Economic Community of West African States", acronym: "ECOWAS", aliases: [] },
  { name: "Intergovernmental Authority on Development", acronym: "IGAD", aliases: [] },
  { name: "Organization for Security and Co-operation in Europe", acronym: "OSCE", aliases: [] },
  { name: "International Atomic Energy Agency", acronym: "IAEA", aliases: [] },
  { name: "International Committee of the Red Cross", acronym: "ICRC", aliases: [] },
  { name: "International Criminal Court", acronym: "ICC", aliases: [] },
  { name: "World Bank", aliases: [] },
  { name: "International Monetary Fund", acronym: "IMF", aliases: [] },
  { name: "Human Rights Watch", aliases: [] },
  { name: "Amnesty International", aliases: [] },
  {
    name: "U.S. Department of State",
    aliases: ["State Department", "U.S. State Department", "Department of State"],
  },
  {
    name: "U.S. Department of Defense",
    acronym: "DoD",
    aliases: ["Department of Defense", "Pentagon", "the Pentagon"],
  },
  { name: "Revolutionary Armed Forces of Colombia", acronym: "FARC", aliases: [] },
];

export interface OrganizationInfo {
  id: string;
  name: string;
  acronym?: string;
  aliases: string[];
  known: boolean;
}

const table = createGazetteer(
  knownOrganizations.map((organization) => ({
    names: [
      organization.name,
      ...organization.aliases,
      ...(organization.acronym ? [organization.acronym] : []),
    ],
    value: organization,
  })),
);

/** Known organizations named anywhere in `text`. */
export function findOrganizations(text: string, base = 0) {
  // A loop rather than `map`: an optimised caller's `map` returns a holey array, the
  // interpreter's a packed one, and the readers deoptimised on meeting the other kind.
  const found = table.find(text, base);
  const organizations: { info: OrganizationInfo; matched: string; span: Span }[] = [];
  for (const item of found)
    organizations.push({ info: toInfo(item.entry), matched: item.matched, span: item.span });
  return organizations;
}

export const organizationIndex = table.index;

/** The organization a written name stands for: a known one by any alias, or a new one as written. */
export function resolveOrganization(written: string): OrganizationInfo {
  const name = written
    .replace(/^the\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  const known = table.lookup(name);
  if (known) return toInfo(known);
  // "Andean Peace Observatory / Observatorio Andino de Paz": one organization named in two
  // languages (or a name and its translation); the first is the name, the others aliases.
  const languages = name.split(/\s+\/\s+|\s+\|\s+/);
  if (languages.length > 1 && languages.every((part) => /^\p{Lu}\S*(?:\s+\S+)+$/u.test(part))) {
    const [first, ...others] = languages.map((part) => resolveOrganization(part));
    const aliases = [...first!.aliases];
    for (const other of others) {
      for (const alias of [other.name, ...other.aliases])
        if (alias !== first!.name && !aliases.includes(alias)) aliases.push(alias);
    }
    return { ...first!, aliases };
  }
  // "Meridian Center for Conflict Studies (MCCS)": keep the acronym apart from the name.
  const withAcronym = /^(.+?)\s*\(([A-Z][A-Za-z&.-]{1,10})\)$/.exec(name);
  if (withAcronym) {
    return {
      id: createOrganizationId(withAcronym[1]!),
      name: withAcronym[1]!,
      acronym: withAcronym[2]!,
      aliases: [],
      known: false,
    };
  }
  return { id: createOrganizationId(name), name, aliases: [], known: false };
}

// One info object per known organization: a page names the same few many times.
const infos = new Map<KnownOrganization, OrganizationInfo>();

export function toOrganizationInfo(entry: KnownOrganization): OrganizationInfo {
  let info = infos.get(entry);
  if (!info) {
    info = toInfo(entry);
    infos.set(entry, info);
  }
  return info;
}

function toInfo(entry: KnownOrganization): OrganizationInfo {
  const info: OrganizationInfo = {
    id: createOrganizationId(entry.name),
    name: entry.name,
    aliases: [...entry.aliases],
    known: true,
  };
  if (entry.acronym) info.acronym = entry.acronym;
  return info;
}

const organizationWords =
  /\b(Institute|Institution|Centre|Center|School|University|Universit[éeà]|College|Council|Foundation|Ministry|Department|Agency|Office|Commission|Committee|Association|Society|Group|Organi[sz]ation|Forum|Fund|Bank|Corporation|Company|Endowment|Initiative|Network|Academy|Service|Government|Embassy|Mission|Union|Nations|Parliament|Congress|Senate|Observatory|Alliance|Coalition|Partnership|Trust|Laboratory|Lab|Programme|Project|Pact|Secretariat|Court|Tribunal|Times|Post|Press|Review|Journal|Digest|News|Media|Inc\.?|Ltd\.?|LLC|GmbH|Army|Navy|Air Force|Forces|Command|Authority|Board|Bureau|Chamber|Federation|Movement|Party|Front|League|Club|Consortium|Platform|Hub|Institut|Stiftung)\b/;
const positionStart =
  /^(Board Chair|Board Member|Senior|Junior|Lead|Chief|Head|Director|Deputy|Assistant|Associate|Executive|Managing|Vice|President|Chair|Co-Chair|Chairman|Chairwoman|Professor|Prof\.|Lecturer|Reader|Fellow|Nonresident|Non-resident|Visiting|Distinguished|Research|Researcher|Postdoctoral|Doctoral|PhD|Ph\.D\.|Student|Candidate|Analyst|Advisor|Adviser|Expert|Specialist|Consultant|Coordinator|Manager|Officer|Editor|Founder|Co-founder|Cofounder|Former|Member|Partner|Principal|Secretary|Under Secretary|Undersecretary|Minister|Ambassador|Envoy|Special|Representative|Correspondent|Commissioner|Counselor|Counsellor|Dean|Provost|Rector|Program|Programme|Project|Team|Country|Regional|Acting|Interim|General|Commander|Scholar|Author|Journalist|Writer|Producer|Host|CEO|COO|CFO|CTO|Staff)\b/;

/** Does this comma part read like an organization's name rather than a job title? */
export function looksLikeOrganization(part: string): boolean {
  const text = part.trim();
  if (!text || positionStart.test(text)) return false;
  if (table.lookup(text.replace(/^the\s+/i, ""))) return true;
  if (/^[A-Z][A-Z&.-]{1,9}$/.test(text)) return true; // an acronym alone
  return organizationWords.test(text);
}

export function isKnownOrganization(part: string): boolean {
  return table.lookup(part.replace(/^the\s+/i, "").trim()) !== undefined;
}

export { fold };
