// citation-js ships no type declarations; these cover the few calls cite.ts makes.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    /** RIS as data: tag -> value, or values for a repeated tag (AU). */
    format(format: "ris", options: { format: "object" }): Record<string, string | string[]>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  const citationJs: { Cite: typeof Cite };
  export default citationJs;
}
declare module "@citation-js/name" {
  export function parse(name: string): {
    given?: string;
    family?: string;
    "non-dropping-particle"?: string;
    literal?: string;
  };
  const name: { parse: typeof parse };
  export default name;
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
