import { formatPeople } from "./format.js";
import type { DataSource } from "./data-source.js";
import { formatDate, kindLabel } from "./format.js";
import { sanitizeLine } from "./sanitize.js";
import { initialSearchState, type SearchStart, searchOptionLabels, toQuery } from "./search-state.js";

/**
 * When stdout is a pipe or a file there is no screen to draw: print the first page of results
 * as tab-separated lines (kind, date, title, people, id) under a one-line summary, and stop.
 */
export async function printPlain(
  dataSource: DataSource,
  start: string | SearchStart,
  write: (line: string) => void,
): Promise<void> {
  const state = initialSearchState(start);
  const result = await dataSource.search(toQuery(state));
  const text = state.text;
  const what = text.trim() ? `"${sanitizeLine(text)}"` : "the whole library, newest first";
  // "advanced, titles": said only when there are words they apply to.
  const options = text.trim() ? searchOptionLabels(state, 200).join(", ") : "";
  write(
    `# ${result.total} record${result.total === 1 ? "" : "s"} for ${what}${options ? ` (${options})` : ""} (${dataSource.label})`,
  );
  if (result.fellBackToLiteral) write("# not valid advanced syntax: the words were searched as written");
  for (const hit of result.hits) {
    const document = hit.document;
    write(
      [
        kindLabel(document.kind),
        formatDate(document.date),
        sanitizeLine(document.title),
        formatPeople(document.people, 200),
        document.id,
      ].join("\t"),
    );
  }
  if (result.nextCursor) write(`# more: run "corpus search" for paging and --json`);
}
