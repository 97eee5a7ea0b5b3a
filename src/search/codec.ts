/**
 * Compact encodings for the saved index: unsigned varints in a base64 string, and a hash to
 * tell whether a saved index still matches its passages.
 */

import { createHash } from 'node:crypto';

/** Appends unsigned integers as LEB128 varints. */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  toBase64(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('base64');
  }
}

/** Decodes everything VarintWriter wrote. Data that ends inside a value is corrupt: throws. */
export function decodeVarints(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Uint32Array(bytes.length);
  let count = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) {
      out[count++] = value;
      value = 0;
      shift = 0;
    } else {
      shift += 7;
      if (shift > 28) throw new Error('search: saved index data is corrupt');
    }
  }
  if (shift !== 0) throw new Error('search: saved index data ends early');
  return out.subarray(0, count);
}

/**
 * A digest of many strings, to tell whether a saved index still matches its passages. SHA-1
 * from node:crypto because it is native: hashing 25 MB of passage text takes tens of
 * milliseconds, where a hash written in JavaScript took 180. Not used for security.
 */
export class Fingerprint {
  private readonly hash = createHash('sha1');

  add(text: string): this {
    // The length first, so that ("ab", "c") and ("a", "bc") differ.
    this.hash.update(`${text.length}:`);
    this.hash.update(text);
    return this;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
