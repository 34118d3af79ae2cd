import type { ReactNode } from "react";
import type { ApiProblem } from "@/lib/load";

/**
 * What a page shows instead of its data when the API is down or refuses: never a blank page.
 * A page left with nothing else to show passes `headingLevel={1}`: its notice is then what the
 * page is about, and a screen reader's jump to the first-level heading lands on it.
 */
export function ApiProblemNotice({
  problem,
  what,
  headingLevel = 2,
  children,
}: {
  problem: ApiProblem;
  what: string;
  headingLevel?: 1 | 2 | 3;
  /** A way on that the page can offer (a link without the part the API refused). */
  children?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="notice problem" role="alert">
      <Heading>
        {problem.kind === "down" ? `Cannot show ${what}: the API is not answering` : `Cannot show ${what}`}
      </Heading>
      <p>{problem.message}</p>
      {problem.kind === "down" ? <p>Reload this page once the API is running again.</p> : null}
      {children}
    </div>
  );
}
