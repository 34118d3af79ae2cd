// In a file of its own: the warm-up happens once per process (per test file under vitest).
import citationJs from "@citation-js/core";
import { afterAll, expect, it, vi } from "vitest";
import { CITATION_WARM_UP_QUIET_MS, warmUpCitations } from "./cite.js";

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it("builds the APA engine once, when the server's requests go quiet, never inside a request", async () => {
  vi.useFakeTimers();
  const format = vi.spyOn(citationJs.Cite.prototype, "format");
  const apaBuilds = () =>
    format.mock.calls.filter(
      ([kind, options]) => kind === "bibliography" && (options as { template?: string })?.template === "apa",
    ).length;
  // What a server does on each request.
  void warmUpCitations();
  // The request's context comes back without the 1.2 s build in it.
  expect(apaBuilds()).toBe(0);
  vi.advanceTimersByTime(CITATION_WARM_UP_QUIET_MS - 1);
  // A second request before the quiet period is over puts the build off again.
  void warmUpCitations();
  vi.advanceTimersByTime(CITATION_WARM_UP_QUIET_MS - 1);
  expect(apaBuilds()).toBe(0);
  vi.advanceTimersByTime(1);
  expect(apaBuilds()).toBe(1);
  await expect(warmUpCitations()).resolves.toBeUndefined();

  // Once built, later requests do not build it again.
  void warmUpCitations();
  vi.advanceTimersByTime(CITATION_WARM_UP_QUIET_MS * 3);
  expect(apaBuilds()).toBe(1);
});
