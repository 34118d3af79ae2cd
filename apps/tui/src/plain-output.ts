import { formatPeople } from "./format.js";
import type { DataSource } from "./data-source.js";
import { formatDate, kindLabel } from "./format.js";
import { sanitizeLine } from "./sanitize.js";
import { initialSearchState, toQuery } from "./search-state.js";

/**
 * When stdout is a pipe or a file there is no screen to draw: print the first page of results
 * as tab-separated lines (kind, date, title, people, id) under a one-line summary, and stop.
 */
export async function printPlain(
  dataSource: DataSource,
  text: string,
  write: (line: string) => void,
): Promise<void> {
  const result = await dataSource.search(toQuery(initialSearchState(text)));
  const what = text.trim() ? `"${sanitizeLine(text)}"` : "the whole library, newest first";
  write(`# ${result.total} record${result.total === 1 ? "" : "s"} for ${what} (${dataSource.label})`);
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
