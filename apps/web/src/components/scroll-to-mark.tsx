"use client";

import { useEffect } from "react";

/**
 * Brings the first marked span of the source text into view when the chosen field changes.
 * The field links navigate on the client without scrolling (so choosing a field does not jump
 * to the top of the page), which also means the browser never acts on their #selected
 * fragment: without this, a field read from the end of a long page was marked out of sight.
 */
export function ScrollToMark({ targetId, field }: { targetId: string; field: string | undefined }) {
  useEffect(() => {
    if (field === undefined) return;
    document.getElementById(targetId)?.scrollIntoView({ block: "center" });
  }, [targetId, field]);
  return null;
}
