import { createGazetteer } from "./gazetteer.js";

/**
 * Public figures that conflict writing names by surname alone. A surname-only mention counts
 * only when the document also names one of `context` (a country code) or the full name, so
 * "Moon" on a page about Korea is Moon Jae-in and "Moon" elsewhere is nobody.
 */
const figures: readonly { name: string; aliases: string[]; surname?: string; context?: string[] }[] = [
  { name: "Donald Trump", aliases: ["Donald J. Trump", "President Trump"], surname: "Trump" },
  { name: "Joe Biden", aliases: ["Joseph R. Biden", "Joseph Biden", "President Biden"], surname: "Biden" },
  { name: "Barack Obama", aliases: ["President Obama"], surname: "Obama" },
  { name: "Kim Jong Un", aliases: ["Kim Jong-un", "Kim Jong-Un", "Kim Jongun"] },
  {
    name: "Moon Jae-in",
    aliases: ["Moon Jae In", "President Moon"],
    surname: "Moon",
    context: ["KR", "KP", "korean-peninsula"],
  },
  { name: "Yoon Suk Yeol", aliases: ["Yoon Suk-yeol", "President Yoon"], surname: "Yoon", context: ["KR"] },
  { name: "Xi Jinping", aliases: ["President Xi"], surname: "Xi", context: ["CN"] },
  { name: "Vladimir Putin", aliases: ["President Putin"], surname: "Putin" },
  {
    name: "Volodymyr Zelenskyy",
    aliases: ["Volodymyr Zelensky", "President Zelenskyy", "President Zelensky"],
    surname: "Zelenskyy",
  },
  { name: "Shinzo Abe", aliases: ["Prime Minister Abe"], surname: "Abe", context: ["JP"] },
  {
    name: "António Guterres",
    aliases: ["Antonio Guterres", "Secretary-General Guterres"],
    surname: "Guterres",
  },
  { name: "Juan Manuel Santos", aliases: ["President Santos"], surname: "Santos", context: ["CO"] },
  {
    name: "Abiy Ahmed",
    aliases: ["Abiy Ahmed Ali", "Prime Minister Abiy"],
    surname: "Abiy",
    context: ["ET"],
  },
  {
    name: "Recep Tayyip Erdoğan",
    aliases: ["Recep Tayyip Erdogan", "President Erdoğan", "President Erdogan"],
    surname: "Erdoğan",
  },
  { name: "Ali Khamenei", aliases: ["Ayatollah Ali Khamenei", "Ayatollah Khamenei"], surname: "Khamenei" },
];

export interface Figure {
  name: string;
  context?: string[];
  surnameOnly: boolean;
}

export const knownPeople = createGazetteer<Figure>(
  figures.flatMap((figure) => {
    const entries: { names: string[]; value: Figure }[] = [
      { names: [figure.name, ...figure.aliases], value: { name: figure.name, surnameOnly: false } },
    ];
    if (figure.surname) {
      const value: Figure = { name: figure.name, surnameOnly: true };
      if (figure.context) value.context = figure.context;
      entries.push({ names: [figure.surname], value });
    }
    return entries;
  }),
);
