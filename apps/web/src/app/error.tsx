"use client";

import Link from "next/link";

// Last resort: pages report API problems themselves; this catches anything unexpected.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice problem" role="alert">
      <h1>Something went wrong showing this page</h1>
      <p>The server log has the details. Try again, or go back to the search.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/">Search</Link>
      </p>
    </div>
  );
}
