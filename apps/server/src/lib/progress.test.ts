import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

function terminal() {
  const written: string[] = [];
  const stream = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe("progress on a terminal", () => {
  it("shows the end of a long file path, where the file's name is", () => {
    const { stream, written } = terminal();
    const progress = createProgress(2, "ingest", stream);
    progress.update(1, "/home/researcher/saved-pages/usip/usip-analysis-black-sea-grain-deal.txt");
    expect(written.at(-1)).toContain("1/2 …ysis-black-sea-grain-deal.txt");
    progress.update(2, "short.txt");
    expect(written.at(-1)).toMatch(/2\/2 short\.txt {21}$/);
  });
});
