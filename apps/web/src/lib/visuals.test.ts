import { describe, expect, it } from "vitest";
import { kindCount } from "@/components/timeline-chart";
import { buildCoOccurrence, labelCentre, layoutNetwork } from "./network";
import { chooseBucket, layoutTimeline } from "./timeline";
import { layoutWorldMap, regionIdToNumeric, shade } from "./world-map";

describe("timeline", () => {
  it("stacks kinds within each bar, to the bar's total", () => {
    const layout = layoutTimeline([
      { bucket: "2020", total: 3, byKind: { event: 1, publication: 2 } },
      { bucket: "2021", total: 6, byKind: { event: 6 } },
    ]);
    expect(layout.kinds).toEqual(["event", "publication"]);
    const [first, second] = layout.bars;
    expect(first?.segments.map((segment) => [segment.kind, segment.count])).toEqual([
      ["event", 1],
      ["publication", 2],
    ]);
    // the tallest bar fills the chart; the other is half as tall
    expect(second?.segments[0]?.height).toBeCloseTo(layout.height);
    expect(first?.segments.reduce((sum, segment) => sum + segment.height, 0)).toBeCloseTo(layout.height / 2);
  });

  it("keeps every other axis label for phones when there are many, and reads counts in words", () => {
    const months = Array.from({ length: 12 }, (_, index) => ({
      bucket: `2021-${String(index + 1).padStart(2, "0")}`,
      total: 1,
      byKind: { publication: 1 },
    }));
    const layout = layoutTimeline(months);
    expect(layout.labelled.size).toBe(12);
    expect([...layout.minorLabels]).toEqual([
      "2021-02",
      "2021-04",
      "2021-06",
      "2021-08",
      "2021-10",
      "2021-12",
    ]);
    expect(layoutTimeline(months.slice(0, 5)).minorLabels.size).toBe(0);
    expect(kindCount("publication", 2)).toBe("2 publications");
    expect(kindCount("event", 1)).toBe("1 event");
  });

  it("uses months for short ranges", () => {
    expect(chooseBucket("2021", "2021")).toBe("month");
    expect(chooseBucket("2010", "2021")).toBe("year");
    expect(chooseBucket(undefined, undefined)).toBe("year");
  });
});

describe("people network labels", () => {
  it("stay inside the frame at its edges and sit under their node elsewhere", () => {
    const name = "Layla Haddad-Monroe";
    const half = (name.length * 11 * 0.6) / 2;
    expect(labelCentre(40, name, 720) - half).toBeGreaterThanOrEqual(0);
    expect(labelCentre(700, name, 720) + half).toBeLessThanOrEqual(720);
    expect(labelCentre(360, name, 720)).toBe(360);
  });
});

describe("people network", () => {
  const documents = [
    {
      people: [
        { id: "person:a", name: "A" },
        { id: "person:b", name: "B" },
        { id: "person:c", name: "C" },
      ],
    },
    {
      people: [
        { id: "person:a", name: "A" },
        { id: "person:b", name: "B" },
      ],
    },
    { people: [{ id: "person:d", name: "D" }] },
  ];

  it("joins people who share documents, weighted by how many", () => {
    const graph = buildCoOccurrence({ documents });
    expect(graph.nodes.map((node) => [node.id, node.count])).toEqual([
      ["person:a", 2],
      ["person:b", 2],
      ["person:c", 1],
      ["person:d", 1],
    ]);
    expect(graph.edges).toContainEqual({ source: "person:a", target: "person:b", weight: 2 });
    expect(
      graph.edges.find((edge) => edge.source === "person:d" || edge.target === "person:d"),
    ).toBeUndefined();
  });

  it("lays out the same graph the same way, inside the frame", () => {
    const first = layoutNetwork(buildCoOccurrence({ documents }));
    const second = layoutNetwork(buildCoOccurrence({ documents }));
    expect(first.nodes.map((node) => [node.x, node.y])).toEqual(second.nodes.map((node) => [node.x, node.y]));
    for (const node of first.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(first.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(first.height);
    }
  });
});

describe("people network with separate groups", () => {
  it("keeps the largest group spread out instead of squeezed into a corner", () => {
    // Events whose panels overlap (a clique of six people each), and one unrelated pair.
    const panel = (prefix: string, from: number, to: number) => ({
      people: Array.from({ length: to - from }, (_, index) => ({
        id: `person:${prefix}${from + index}`,
        name: `${prefix}${from + index}`,
      })),
    });
    const documents = [panel("a", 0, 6), panel("a", 3, 9), panel("a", 6, 12), panel("b", 0, 2)];
    const network = layoutNetwork(buildCoOccurrence({ documents }));
    const main = network.nodes.filter((node) => node.id.startsWith("person:a"));
    const spread = Math.max(...main.map((node) => node.x)) - Math.min(...main.map((node) => node.x));
    expect(spread).toBeGreaterThan(network.width * 0.4);
  });
});

describe("world map", () => {
  it("shades countries by the documents that name them", () => {
    expect(regionIdToNumeric("region:KR")).toBe("410");
    expect(regionIdToNumeric("region:korean-peninsula")).toBeUndefined();
    const map = layoutWorldMap([
      { value: "region:KR", count: 4 },
      { value: "region:UA", count: 1 },
    ]);
    const korea = map.countries.find((country) => country.numeric === "410");
    expect(korea?.count).toBe(4);
    expect(korea?.path.length).toBeGreaterThan(10);
    expect(map.maximum).toBe(4);
    expect(map.countries.filter((country) => country.count > 0)).toHaveLength(2);
    expect(shade(1, 4)).toBeCloseTo(0.5);
    expect(shade(0, 4)).toBe(0);
  });
});
