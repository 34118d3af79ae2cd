import type { ApiProblem } from "@/lib/load";

/** What a page shows instead of its data when the API is down or refuses: never a blank page. */
export function ApiProblemNotice({ problem, what }: { problem: ApiProblem; what: string }) {
  return (
    <div className="notice problem" role="alert">
      <h2>
        {problem.kind === "down" ? `Cannot show ${what}: the API is not answering` : `Cannot show ${what}`}
      </h2>
      <p>{problem.message}</p>
      {problem.kind === "down" ? <p>Reload this page once the API is running again.</p> : null}
    </div>
  );
}
