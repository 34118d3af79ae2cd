import { describe, expect, it } from "vitest";
import { kindCount } from "@/components/timeline-chart";
import { buildCoOccurrence, labelCentre, layoutNetwork } from "./network";
import { axisLabel, chooseBucket, labelAnchor, layoutTimeline, withEmptyBuckets } from "./timeline";
import { layoutWorldMap, regionCountsOfSearch, regionIdToNumeric, shade } from "./world-map";

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

  it("keeps time even on its axis: the periods without documents stand between the others", () => {
    const years = withEmptyBuckets([
      { bucket: "2017", total: 2, byKind: { event: 2 } },
      { bucket: "2020", total: 1, byKind: { publication: 1 } },
    ]);
    expect(years.map((bucket) => [bucket.bucket, bucket.total])).toEqual([
      ["2017", 2],
      ["2018", 0],
      ["2019", 0],
      ["2020", 1],
    ]);
    const months = withEmptyBuckets([
      { bucket: "2020-11", total: 1, byKind: { event: 1 } },
      { bucket: "2021-02", total: 3, byKind: { event: 3 } },
    ]);
    expect(months.map((bucket) => bucket.bucket)).toEqual(["2020-11", "2020-12", "2021-01", "2021-02"]);
    // Decades of months would be bars too thin to see or hit: those stay as the API sent them.
    const far = [
      { bucket: "1950-01", total: 1, byKind: { event: 1 } },
      { bucket: "2025-01", total: 1, byKind: { event: 1 } },
    ];
    expect(withEmptyBuckets(far)).toEqual(far);
  });

  it("names months over several years by their Januaries, as years", () => {
    const layout = layoutTimeline(
      withEmptyBuckets([
        { bucket: "2017-08", total: 1, byKind: { event: 1 } },
        { bucket: "2025-03", total: 1, byKind: { event: 1 } },
      ]),
    );
    expect([...layout.labelled]).toEqual([
      "2018-01",
      "2019-01",
      "2020-01",
      "2021-01",
      "2022-01",
      "2023-01",
      "2024-01",
      "2025-01",
    ]);
    expect(axisLabel("2018-01", layout)).toBe("2018");
    const year = layoutTimeline([{ bucket: "2021-04", total: 1, byKind: { event: 1 } }]);
    expect(axisLabel("2021-04", year)).toBe("Apr 2021");
    expect(axisLabel("2021", year)).toBe("2021");
  });

  it("keeps the labels of the first and last bars inside the chart", () => {
    const layout = layoutTimeline(
      withEmptyBuckets([
        { bucket: "2017-08", total: 1, byKind: { event: 1 } },
        { bucket: "2025-03", total: 1, byKind: { event: 1 } },
      ]),
    );
    const first = layout.bars[0];
    const last = layout.bars.at(-1);
    expect(labelAnchor(first!, "Aug 2017", layout.width)).toEqual({ x: first!.x, textAnchor: "start" });
    expect(labelAnchor(last!, "Mar 2025", layout.width)).toEqual({
      x: last!.x + last!.width,
      textAnchor: "end",
    });
    const middle = layout.bars[40]!;
    expect(labelAnchor(middle, "Dec 2020", layout.width)).toEqual({
      x: middle.x + middle.width / 2,
      textAnchor: "middle",
    });
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

  it("names each person as the library does, not as one page wrote them", () => {
    const written = [
      {
        people: [
          { id: "person:seo-min-ji", name: "Min-ji Seo" },
          { id: "person:frank-aum", name: "Frank Aum" },
        ],
      },
      { people: [{ id: "person:seo-min-ji", name: "Seo Min-ji" }] },
    ];
    const names = new Map([["person:seo-min-ji", "Seo Min-ji"]]);
    const graph = buildCoOccurrence({ documents: written, names });
    expect(graph.nodes.map((node) => node.name)).toEqual(["Seo Min-ji", "Frank Aum"]);
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
  it("with regions chosen, counts only those: the facet's other values are of other documents", () => {
    const facet = [
      { value: "region:yemen", label: "Yemen", count: 7 },
      { value: "region:korean-peninsula", label: "Korean Peninsula", count: 2 },
      { value: "region:north-korea", label: "North Korea", count: 5 },
    ];
    expect(regionCountsOfSearch(facet, []).map((item) => item.label)).toEqual([
      "Yemen",
      "Korean Peninsula",
      "North Korea",
    ]);
    expect(regionCountsOfSearch(facet, ["korean-peninsula", "north-korea"])).toEqual(facet.slice(1));
  });

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
