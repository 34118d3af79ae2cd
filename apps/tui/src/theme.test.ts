import { describe, expect, it } from "vitest";
import { createTheme } from "./theme.js";

describe("createTheme", () => {
  it("uses no colour at all under NO_COLOR, and colours otherwise", () => {
    const plain = createTheme({ noColor: true });
    expect([plain.accent, plain.link, plain.muted, plain.highlight, plain.error]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(createTheme({ noColor: false }).accent).toBeDefined();
  });
});
