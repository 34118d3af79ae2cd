import type { Snippet } from "@corpus/schema";

/** Highlight runs as text: matched words in <mark>, everything else plain. Never markup. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.map((run, index) =>
        // Runs have no identity beyond their position in the snippet.
        run.highlight ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
      )}
    </>
  );
}
