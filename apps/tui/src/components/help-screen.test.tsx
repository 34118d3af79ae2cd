import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { helpSections } from "../keymap.js";
import { HelpScreen, helpLayout } from "./help-screen.js";

describe("the help layout", () => {
  it("never leaves a section's heading alone at the foot of the first column", () => {
    // Every height that gives two columns at 80 wide, 80x24 (22 lines under the status bar) among them.
    for (let height = 10; height <= 40; height++) {
      const { lines, columns, split } = helpLayout(80, height);
      // Two full columns have no line to spare for moving the heading across.
      if (columns !== 2 || lines.length === 2 * (height - 1)) continue;
      expect(lines[split - 1]?.heading, `height ${height}`).toBeFalsy();
      // Both columns still fit under the title line.
      expect(split).toBeLessThanOrEqual(height - 1);
      expect(lines.length - split).toBeLessThanOrEqual(height - 1);
    }
    expect(helpLayout(80, 22).columns).toBe(2);
  });
});

describe("the help screen", () => {
  it("shows every line of the keymap at 80x24, the last section included", () => {
    const { lastFrame } = render(<HelpScreen width={80} height={22} top={0} />);
    const frame = lastFrame() ?? "";
    for (const section of helpSections()) {
      expect(frame).toContain(section.scope);
      for (const row of section.rows) expect(frame).toContain(row.description);
    }
  });
});
