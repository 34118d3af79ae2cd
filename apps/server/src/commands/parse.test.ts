import { parseInput } from "@corpus/ingest";
import { describe, expect, it } from "vitest";
import { summarize } from "./parse.js";

const now = () => new Date("2025-01-01T00:00:00.000Z");
const page = (text: string) =>
  parseInput({ path: "event.txt", bytes: new TextEncoder().encode(text) }, { now });

describe("corpus parse summary", () => {
  it("prints a date without a year the ISO way (--MM-DD), not as ????-M-D", () => {
    const file = page(
      "Talks on the Border\n\nOn March 24, the Lakeside Peace Council hosted a discussion on local truces along the river border and what they need to last.\n\nSpeakers\n\nAmira Haddad, moderator\nDirector, Lakeside Peace Council",
    );
    const summary = summarize([file]);
    expect(summary).toContain(" --03-24: ");
    expect(summary).not.toContain("????");
  });

  it("prints a full date as YYYY-MM-DD", () => {
    const file = page(
      "Ceasefire Monitoring in Practice\nThursday, April 29, 2021\nBy: Jonas Berg\n\nA look at how monitors work.",
    );
    expect(summarize([file])).toMatch(/ 2021-04-29: Ceasefire Monitoring in Practice/);
  });
});
