import { describe, expect, it } from "vitest";
import { describeResults } from "./search-results";

describe("the heading over the results", () => {
  it("names the total and the range of the page shown", () => {
    expect(describeResults(0, 0, 1)).toBe("No documents match");
    expect(describeResults(1, 1, 1)).toBe("1 document");
    expect(describeResults(12, 12, 1)).toBe("12 documents");
    expect(describeResults(52, 20, 21)).toBe("52 documents, showing 21–40");
    expect(describeResults(52, 12, 41)).toBe("52 documents, showing 41–52");
  });

  it("shows no range for a page past the end", () => {
    expect(describeResults(52, 0, 21)).toBe("52 documents");
  });
});
