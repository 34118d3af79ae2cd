import { hash } from "node:crypto";

// One call, no Hash object per input (`crypto.hash`: Node 20.12+; the repo needs 20.19+).
export function sha256Hex(bytes: Uint8Array): string {
  return hash("sha256", bytes, "hex");
}

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: "binary"; offset: number }
  | { ok: false; reason: "invalid-utf8"; offset: number; byte: number }
  | { ok: false; reason: "invalid-utf16"; offset: number };

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Strict UTF-8, or UTF-16 when the file starts with its byte-order mark (what Windows editors
 * write for "Unicode" text; its NUL bytes are not a sign of a binary file then). Otherwise a NUL
 * byte marks a binary file (text pages never hold one); any malformed sequence is reported with
 * the offset of its first byte so the user can find it.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return decodeUtf16(bytes, bytes[0] === 0xff ? "utf-16le" : "utf-16be");
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: "binary", offset: nul };
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const offset = findInvalidUtf8(bytes);
    return { ok: false, reason: "invalid-utf8", offset, byte: bytes[offset] ?? 0 };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodeResult {
  const offset = findInvalidUtf16(bytes, encoding === "utf-16le");
  if (offset !== -1) return { ok: false, reason: "invalid-utf16", offset };
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  const nul = text.indexOf("\u0000");
  // A NUL character (not byte) still means binary content behind a byte-order mark.
  return nul === -1 ? { ok: true, text } : { ok: false, reason: "binary", offset: 2 + nul * 2 };
}

/** The byte offset of an odd trailing byte or an unpaired surrogate, or -1 when the UTF-16 is well formed. */
export function findInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  if (bytes.length % 2 === 1) return bytes.length - 1;
  const unit = (index: number) =>
    littleEndian ? bytes[index]! | (bytes[index + 1]! << 8) : (bytes[index]! << 8) | bytes[index + 1]!;
  for (let index = 2; index < bytes.length; index += 2) {
    const code = unit(index);
    if (code >= 0xdc00 && code <= 0xdfff) return index;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = index + 2 < bytes.length ? unit(index + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return index;
      index += 2;
    }
  }
  return -1;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) length = 2;
    else if (first >= 0xe0 && first <= 0xef) length = 3;
    else if (first >= 0xf0 && first <= 0xf4) length = 4;
    else return index;
    // Overlong forms, surrogates and code points above U+10FFFF narrow the second byte's range.
    min = 0x80;
    if (first === 0xe0) min = 0xa0;
    else if (first === 0xed) max = 0x9f;
    else if (first === 0xf0) min = 0x90;
    else if (first === 0xf4) max = 0x8f;
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      if (next === undefined) return index;
      const low = offset === 1 ? min : 0x80;
      const high = offset === 1 ? max : 0xbf;
      if (next < low || next > high) return index;
    }
    index += length;
  }
  return bytes.length;
}
