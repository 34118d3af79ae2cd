import Link from "next/link";
import { plural } from "@/lib/format";
import { entityPath } from "@/lib/ids";
import { buildCoOccurrence, labelCentre, layoutNetwork, type NetworkInput } from "@/lib/network";

/** People who appeared in the same documents, laid out on the server and drawn as SVG links. */
export function PeopleNetwork({ documents, names, maxNodes = 40 }: NetworkInput & { maxNodes?: number }) {
  const graph = buildCoOccurrence({ documents, ...(names ? { names } : {}) }, maxNodes);
  if (graph.nodes.length < 2)
    return <p className="muted small">Too few people in these documents to draw a network.</p>;
  const network = layoutNetwork(graph);
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  // Names of the busiest people only: every name at once is unreadable; the rest show on hover.
  const labelled = new Set(
    [...network.nodes]
      .sort((left, right) => right.count - left.count)
      .slice(0, 14)
      .map((node) => node.id),
  );
  const maxWeight = Math.max(1, ...network.edges.map((edge) => edge.weight));
  const labelPosition = (node: (typeof network.nodes)[number]) => ({
    x: labelCentre(node.x, node.name, network.width),
    y: node.y + node.radius + 11,
    textAnchor: "middle" as const,
  });
  return (
    <figure style={{ margin: 0 }}>
      {/* On a phone the network keeps a readable size and scrolls sideways (see globals.css). */}
      <div className="network-frame">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG of links is a group; there is no HTML element for it */}
        <svg
          className="chart network"
          viewBox={`0 0 ${network.width} ${network.height}`}
          role="group"
          aria-label={`Network of ${plural(network.nodes.length, "person", "people")} and ${plural(network.edges.length, "shared appearance")}`}
        >
          {network.edges.map((edge) => {
            const source = byId.get(edge.source);
            const target = byId.get(edge.target);
            if (!source || !target) return null;
            return (
              <line
                key={`${edge.source}|${edge.target}`}
                x1={source.x}
                y1={source.y}
                x2={target.x}
                y2={target.y}
                strokeWidth={1 + 3 * (edge.weight / maxWeight)}
              />
            );
          })}
          {network.nodes.map((node) => (
            <Link
              key={node.id}
              href={entityPath(node.id) ?? "/people"}
              aria-label={`${node.name}: ${plural(node.count, "document")}`}
            >
              <circle cx={node.x} cy={node.y} r={node.radius}>
                <title>{`${node.name}: ${plural(node.count, "document")}`}</title>
              </circle>
              {labelled.has(node.id) ? (
                // Invisible here, it keeps the name part of the link's click target; the copy
                // below is the one seen.
                <text className="network-hit" {...labelPosition(node)}>
                  {node.name}
                </text>
              ) : null}
            </Link>
          ))}
          {/* Names last, above every line and circle: drawn with their nodes, a circle drawn
              later could cover an earlier person's name. Decorative: each link names itself. */}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group of plain text, nothing in it takes focus */}
          <g className="network-labels" aria-hidden="true">
            {network.nodes
              .filter((node) => labelled.has(node.id))
              .map((node) => (
                <text key={node.id} {...labelPosition(node)}>
                  {node.name}
                </text>
              ))}
          </g>
        </svg>
      </div>
      <figcaption className="small muted">
        A line joins two people who appear in the same document; thicker means more shared documents.
      </figcaption>
    </figure>
  );
}
