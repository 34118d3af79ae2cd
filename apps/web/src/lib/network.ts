import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";

export interface NetworkInput {
  /** The people of each document. */
  documents: readonly { people: readonly { id: string; name: string }[] }[];
  /**
   * Each person's name in the library, by id. A document holds a name as its page wrote it
   * ("Min-ji Seo", "Henrik Dahl-Sorensen"); a node stands for the person, so it carries the name
   * that their page and every list show. Someone missing here keeps the name as written.
   */
  names?: ReadonlyMap<string, string>;
}

export interface NetworkNode extends SimulationNodeDatum {
  id: string;
  name: string;
  /** Documents the person appears in. */
  count: number;
  radius: number;
  x: number;
  y: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Documents the two share. */
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  width: number;
  height: number;
}

/** Who appeared with whom: one node per person, one edge per pair sharing a document. */
export function buildCoOccurrence(
  input: NetworkInput,
  maxNodes = 40,
): { nodes: Omit<NetworkNode, "x" | "y" | "radius">[]; edges: NetworkEdge[] } {
  const counts = new Map<string, { id: string; name: string; count: number }>();
  for (const document of input.documents) {
    for (const person of new Map(document.people.map((item) => [item.id, item])).values()) {
      const entry = counts.get(person.id) ?? {
        id: person.id,
        name: input.names?.get(person.id) ?? person.name,
        count: 0,
      };
      entry.count += 1;
      counts.set(person.id, entry);
    }
  }
  const kept = [...counts.values()]
    .sort((left, right) => right.count - left.count || left.name.localeCompare(right.name))
    .slice(0, maxNodes);
  const keptIds = new Set(kept.map((node) => node.id));
  const weights = new Map<string, NetworkEdge>();
  for (const document of input.documents) {
    const ids = [...new Set(document.people.map((person) => person.id))]
      .filter((id) => keptIds.has(id))
      .sort();
    for (let left = 0; left < ids.length; left++) {
      for (let right = left + 1; right < ids.length; right++) {
        const key = `${ids[left]}|${ids[right]}`;
        const edge = weights.get(key) ?? {
          source: ids[left] as string,
          target: ids[right] as string,
          weight: 0,
        };
        edge.weight += 1;
        weights.set(key, edge);
      }
    }
  }
  return { nodes: kept, edges: [...weights.values()] };
}

/**
 * Positions the nodes with d3-force, run to rest on the server: the browser gets a finished SVG
 * and no layout code. d3-force seeds its jitter deterministically, so the same graph always
 * lays out the same way.
 */
export function layoutNetwork(
  graph: ReturnType<typeof buildCoOccurrence>,
  width = 720,
  height = 440,
): Network {
  const maximum = Math.max(1, ...graph.nodes.map((node) => node.count));
  const nodes: NetworkNode[] = graph.nodes.map((node) => ({
    ...node,
    x: 0,
    y: 0,
    radius: 5 + 9 * Math.sqrt(node.count / maximum),
  }));
  const links = graph.edges.map((edge) => ({
    source: edge.source,
    target: edge.target,
    weight: edge.weight,
  }));
  const simulation = forceSimulation(nodes)
    .force("charge", forceManyBody().strength(-260).distanceMax(260))
    .force(
      "link",
      forceLink<NetworkNode, (typeof links)[number]>(links)
        .id((node) => node.id)
        .distance(60),
    )
    .force(
      "collide",
      forceCollide<NetworkNode>().radius((node) => node.radius + 14),
    )
    .force("center", forceCenter(width / 2, height / 2))
    // Without a pull towards the middle, unconnected groups repel each other to the far corners
    // and the stretch below then squeezes the main group into a knot of overlapping labels.
    .force("x", forceX<NetworkNode>(width / 2).strength(0.12))
    .force("y", forceY<NetworkNode>(height / 2).strength(0.12))
    .stop();
  simulation.tick(300);
  // Stretch the settled layout to fill the frame, keeping room for labels at the edges.
  const margin = 40;
  const xs = nodes.map((node) => node.x);
  const ys = nodes.map((node) => node.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const node of nodes) {
    node.x = maxX > minX ? margin + ((node.x - minX) / (maxX - minX)) * (width - 2 * margin) : width / 2;
    node.y = maxY > minY ? margin + ((node.y - minY) / (maxY - minY)) * (height - 2 * margin) : height / 2;
  }
  return { nodes, edges: graph.edges, width, height };
}

/**
 * Where a name under a node is centred: under the node, but pulled in from the edges so that
 * the whole name stays inside the frame (the SVG clips what crosses its viewBox). The width is
 * an estimate from the font size: about 0.6 em per character.
 */
export function labelCentre(x: number, name: string, width: number, fontSize = 11): number {
  const half = Math.min(width / 2, (name.length * fontSize * 0.6) / 2 + 2);
  return Math.min(width - half, Math.max(half, x));
}
