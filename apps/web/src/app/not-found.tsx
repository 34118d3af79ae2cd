import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";

export const metadata: Metadata = { title: "Not in this library" };

export default async function NotFound() {
  // Rendered per request, not prerendered: the scripts of a prerendered page carry no CSP nonce,
  // so the browser blocked them on every unknown address (see src/proxy.ts).
  await connection();
  return (
    <>
      <h1>Not in this library</h1>
      <p>No record has this address. It may have been merged into another, or never ingested.</p>
      <p>
        <Link href="/">Search the library</Link>
      </p>
    </>
  );
}
