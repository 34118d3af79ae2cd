import { describe, expect, it } from "vitest";
import { commands } from "./index.js";

describe("the command list", () => {
  it("loads, for each name corpus --help lists, the command of that name, with its own help", async () => {
    expect(new Set(commands.map((entry) => entry.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.help).toContain(entry.name);
      expect(entry.summary.length).toBeGreaterThan(10);
    }
  });
});
