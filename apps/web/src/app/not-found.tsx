import Link from "next/link";

export default function NotFound() {
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
