import { type Document, recordSchema } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvCell, csvRow } from "./export.js";

function eventRecord(fields: Record<string, unknown>): Document {
  return recordSchema.parse({
    id: "doc:sudan-local-peace-c5168809",
    kind: "event",
    title: "Sudan Local Peace",
    ...fields,
  }) as Document;
}

/** The row's cells by column name (the rows here have no quoted commas in these columns). */
function cellsOf(document: Document): Record<(typeof CSV_COLUMNS)[number], string> {
  const cells = csvRow(document).replace(/\r\n$/, "").split(",");
  return Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, cells[index] ?? ""])) as Record<
    (typeof CSV_COLUMNS)[number],
    string
  >;
}

describe("CSV export rows", () => {
  it("lists an organization once however many roles it has, in first-seen order", () => {
    const usip = { id: "org:united-states-institute-of-peace", name: "U.S. Institute of Peace" };
    const nordic = { id: "org:nordic-forum-for-mediation", name: "Nordic Forum for Mediation" };
    const document = eventRecord({
      organizations: [
        { organization: usip, role: "host" },
        { organization: nordic, role: "co-host" },
        { organization: { ...usip, name: "USIP" }, role: "affiliation" },
        { organization: nordic, role: "affiliation" },
      ],
    });
    expect(cellsOf(document).organizations).toBe("U.S. Institute of Peace; Nordic Forum for Mediation");
  });

  it("shows a date without a year as ????-MM-DD, not as an apostrophe-guarded formula", () => {
    expect(cellsOf(eventRecord({ date: { month: 3, day: 5 } })).date).toBe("????-03-05");
    expect(cellsOf(eventRecord({ date: { month: 3 } })).date).toBe("????-03");
    expect(cellsOf(eventRecord({ date: { year: 2024, month: 3, day: 5 } })).date).toBe("2024-03-05");
  });

  it("still guards cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("--03-05")).toBe("'--03-05");
    expect(cellsOf(eventRecord({ title: "@SUM(A1)" })).title).toBe("'@SUM(A1)");
  });
});
