import { createRequire } from "node:module";
import { createRegionId, type Span } from "@corpus/schema";
import { createGazetteer } from "./gazetteer.js";

// Countries come from i18n-iso-countries (ISO 3166-1, maintained upstream); named regions and
// the extra country spellings that news prose uses are kept here.
const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries") as {
  registerLocale(locale: unknown): void;
  getNames(language: string, options: { select: "all" }): Record<string, string[]>;
  alpha2ToAlpha3(code: string): string | undefined;
  alpha2ToNumeric(code: string): string | undefined;
};
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

export interface RegionInfo {
  id: string;
  name: string;
  regionType: "country" | "named";
  iso3166?: { alpha2: string; alpha3?: string; numeric?: string };
  countries: string[];
}

const extraCountryNames: Record<string, string[]> = {
  US: ["America"],
  GB: ["Britain"],
  KP: ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
  KR: ["ROK", "S. Korea"],
  SY: ["Syria"],
  LA: ["Laos"],
  MM: ["Burma"],
  CD: ["DRC", "DR Congo", "Democratic Republic of Congo"],
  CZ: ["Czech Republic"],
  AE: ["UAE", "United Arab Emirates"],
  SA: ["Saudi Arabia"],
  PS: ["Palestinian territories", "Gaza", "West Bank", "Gaza Strip"],
  RU: ["Russia"],
  IR: ["Iran"],
  VN: ["Viet Nam"],
  BA: ["Bosnia", "Bosnia-Herzegovina"],
  XK: ["Kosovo"],
  TR: ["Turkey"],
  MK: ["Macedonia"],
  CI: ["Ivory Coast"],
  VA: ["Vatican"],
};
// Names that are words or parts of other names too often to count as evidence on their own.
const ambiguous = new Set([
  "US",
  "Congo",
  "Georgia",
  "Jordan",
  "Chad",
  "Niger",
  "Guinea",
  "Dominica",
  "Korea",
  "Sudan",
]);
const keepAnyway = new Set(["Niger", "Chad", "Jordan", "Sudan"]);

export const namedRegions: readonly { name: string; aliases: string[]; countries: string[] }[] = [
  {
    name: "Korean Peninsula",
    aliases: ["the Korean Peninsula", "Korean peninsula"],
    countries: ["KP", "KR"],
  },
  { name: "Northern Ireland", aliases: [], countries: ["GB"] },
  { name: "Middle East", aliases: ["the Middle East", "Mideast"], countries: [] },
  { name: "Horn of Africa", aliases: ["the Horn of Africa"], countries: ["ET", "ER", "DJ", "SO"] },
  { name: "Sahel", aliases: ["the Sahel", "Sahel region"], countries: ["ML", "BF", "NE", "TD", "MR"] },
  {
    name: "Balkans",
    aliases: ["the Balkans", "Western Balkans", "the Western Balkans", "former Yugoslavia"],
    countries: ["BA", "RS", "HR", "ME", "MK", "XK", "AL", "SI"],
  },
  { name: "Caucasus", aliases: ["South Caucasus", "the Caucasus"], countries: ["AM", "AZ", "GE"] },
  { name: "Central Asia", aliases: [], countries: ["KZ", "KG", "TJ", "TM", "UZ"] },
  { name: "South Asia", aliases: [], countries: ["AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"] },
  { name: "Southeast Asia", aliases: [], countries: [] },
  { name: "East Asia", aliases: ["Northeast Asia"], countries: [] },
  { name: "Indo-Pacific", aliases: ["the Indo-Pacific"], countries: [] },
  {
    name: "Great Lakes Region",
    aliases: ["Great Lakes region", "African Great Lakes"],
    countries: ["BI", "CD", "RW", "UG", "TZ"],
  },
  { name: "Latin America", aliases: [], countries: [] },
  { name: "Sub-Saharan Africa", aliases: [], countries: [] },
  { name: "West Africa", aliases: [], countries: [] },
  { name: "North Africa", aliases: [], countries: [] },
  { name: "Persian Gulf", aliases: ["the Gulf", "Gulf region", "Arabian Gulf"], countries: [] },
  { name: "Levant", aliases: ["the Levant"], countries: [] },
  { name: "Black Sea", aliases: ["the Black Sea"], countries: [] },
  {
    name: "Korean Demilitarized Zone",
    aliases: ["DMZ", "Demilitarized Zone", "the Demilitarized Zone"],
    countries: ["KP", "KR"],
  },
  { name: "Europe", aliases: [], countries: [] },
  { name: "Africa", aliases: [], countries: [] },
  { name: "Arctic", aliases: ["the Arctic"], countries: [] },
];

// Capitals and cities that conflict reporting names, each with its country. A city is a named
// region (the schema has no separate place kind) that covers one country.
const places: Record<string, string[]> = {
  KR: ["Seoul", "Panmunjom"],
  KP: ["Pyongyang"],
  US: ["Washington, D.C.", "Washington, DC"],
  CN: ["Beijing"],
  RU: ["Moscow"],
  UA: ["Kyiv", "Kiev"],
  IR: ["Tehran"],
  IQ: ["Baghdad"],
  AF: ["Kabul"],
  SY: ["Damascus"],
  YE: ["Sana'a", "Sanaa", "Aden"],
  SD: ["Khartoum"],
  SS: ["Juba"],
  ET: ["Addis Ababa"],
  BE: ["Brussels"],
  CH: ["Geneva"],
  AT: ["Vienna"],
  VN: ["Hanoi"],
  CO: ["Bogotá", "Bogota", "Havana"],
  IL: ["Jerusalem", "Tel Aviv"],
};

function build() {
  const entries: { names: string[]; value: RegionInfo }[] = [];
  const names = countries.getNames("en", { select: "all" });
  for (const [alpha2, written] of Object.entries(names)) {
    const iso: RegionInfo["iso3166"] = { alpha2 };
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    const numeric = countries.alpha2ToNumeric(alpha2);
    if (alpha3) iso.alpha3 = alpha3;
    if (numeric) iso.numeric = numeric;
    const display = preferredName(alpha2, written);
    const all = [...written, ...(extraCountryNames[alpha2] ?? [])].filter(
      (name) => !ambiguous.has(name) || keepAnyway.has(name),
    );
    entries.push({
      names: all,
      value: {
        id: createRegionId(alpha2),
        name: display,
        regionType: "country",
        iso3166: iso,
        countries: [],
      },
    });
  }
  for (const region of namedRegions) {
    entries.push({
      names: [region.name, ...region.aliases.filter((alias) => !alias.startsWith("the "))],
      value: {
        id: createRegionId(region.name),
        name: region.name,
        regionType: "named",
        countries: region.countries,
      },
    });
  }
  for (const [alpha2, cities] of Object.entries(places)) {
    for (const city of cities) {
      const name =
        city === "Washington, DC"
          ? "Washington, D.C."
          : city === "Kiev"
            ? "Kyiv"
            : city === "Sanaa"
              ? "Sana'a"
              : city;
      entries.push({
        names: [city],
        value: { id: createRegionId(name), name, regionType: "named", countries: [alpha2] },
      });
    }
  }
  return createGazetteer(entries);
}

const shortNames: Record<string, string> = {
  US: "United States",
  CN: "China",
  GB: "United Kingdom",
  KR: "South Korea",
  KP: "North Korea",
  IR: "Iran",
  RU: "Russia",
  SY: "Syria",
  VN: "Vietnam",
  PS: "Palestine",
  TW: "Taiwan",
  TZ: "Tanzania",
  LA: "Laos",
  BO: "Bolivia",
  VE: "Venezuela",
  MD: "Moldova",
  CD: "Democratic Republic of the Congo",
  CG: "Republic of the Congo",
  TR: "Türkiye",
};

function preferredName(alpha2: string, written: string[]): string {
  return shortNames[alpha2] ?? written.find((name) => !name.includes(",")) ?? written[0] ?? alpha2;
}

const gazetteer = build();
export const regionIndex = gazetteer.index;

/** Countries, named regions and cities written in `text`, each with its span. */
export function findRegions(text: string, base = 0) {
  // A loop rather than `map` (see findOrganizations).
  const found = gazetteer.find(text, base);
  const regions: { info: RegionInfo; matched: string; span: Span }[] = [];
  for (const item of found) regions.push({ info: item.entry, matched: item.matched, span: item.span });
  return regions;
}
