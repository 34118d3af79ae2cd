import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { flattenPaste, splitBurst } from "./key-burst.js";

const plain = { ctrl: false, meta: false } as Key;

describe("splitBurst", () => {
  it("splits keys typed in one burst so each one acts", () => {
    const keys = splitBurst("j\rq", plain);
    expect(keys.map(([input]) => input)).toEqual(["j", "", "q"]);
    expect(keys[1]![1].return).toBe(true);
  });

  it("leaves a single key and escape sequences alone", () => {
    expect(splitBurst("j", plain)).toEqual([["j", plain]]);
    expect(splitBurst("\u001b[A", plain)).toEqual([["\u001b[A", plain]]);
  });

  it("reads line breaks inside a paste as spaces, and leaves a typed word and Enter alone", () => {
    expect(flattenPaste("peace talks\nin the quiet\r\n")).toBe("peace talks in the quiet");
    expect(flattenPaste("armistice\r")).toBe("armistice\r");
    expect(flattenPaste("q")).toBe("q");
  });
});
