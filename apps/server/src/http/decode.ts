import { HttpError } from "./http-error.js";

/** decodeURIComponent, with malformed escapes ("%E0%A4%A") a 400 instead of a thrown URIError. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(
      400,
      "BAD_REQUEST",
      `The URL has a malformed percent-escape in "${segment.slice(0, 80)}".`,
    );
  }
}
