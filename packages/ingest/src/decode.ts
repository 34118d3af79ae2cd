import { hash } from "node:crypto";

// One call, no Hash object per input (`crypto.hash`: Node 20.12+; the repo needs 20.19+).
export function sha256Hex(bytes: Uint8Array): string {
  return hash("sha256", bytes, "hex");
}

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: "binary"; offset: number }
  | { ok: false; reason: "invalid-utf8"; offset: number; byte: number };

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Strict UTF-8. A NUL byte marks a binary file (text pages never hold one); any malformed
 * sequence is reported with the offset of its first byte so the user can find it.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: "binary", offset: nul };
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const offset = findInvalidUtf8(bytes);
    return { ok: false, reason: "invalid-utf8", offset, byte: bytes[offset] ?? 0 };
  }
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
