import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, humanize, isoDate, safeExternalUrl } from "./format";

describe("dates", () => {
  it("are exactly as precise as the record", () => {
    expect(formatDate({ year: 2021, month: 4, day: 29 })).toBe("29 April 2021");
    expect(formatDate({ year: 2021, month: 4 })).toBe("April 2021");
    expect(formatDate({ month: 4, day: 29 })).toBe("29 April");
    expect(formatDate(undefined)).toBe("date unknown");
    expect(formatDate({ year: 2021, inferred: true })).toBe("2021 (partly inferred)");
    expect(isoDate({ month: 4, day: 29 })).toBeUndefined();
    expect(isoDate({ year: 2021, month: 4, day: 9 })).toBe("2021-04-09");
  });
});

describe("external links", () => {
  it("only let http and https through", () => {
    expect(safeExternalUrl("https://www.usip.org/events")).toBe("https://www.usip.org/events");
    expect(safeExternalUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeExternalUrl(" JaVaScRiPt:alert(1)")).toBeUndefined();
    expect(safeExternalUrl("data:text/html,<script>alert(1)</script>")).toBeUndefined();
    expect(safeExternalUrl("not a url")).toBeUndefined();
  });

  it("never return a URL with another scheme, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const url = safeExternalUrl(text);
        if (url !== undefined) expect(url).toMatch(/^https?:\/\//);
      }),
    );
  });
});

describe("role and type names", () => {
  it("read as words, keeping the hyphen of a co- word", () => {
    expect(humanize("digest-article")).toBe("Digest article");
    expect(humanize("welcoming-remarks")).toBe("Welcoming remarks");
    expect(humanize("co-host")).toBe("Co-host");
  });
});
