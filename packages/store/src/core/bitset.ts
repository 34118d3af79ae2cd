/**
 * A fixed-size set of small non-negative integers (document sequence numbers) as 32-bit words.
 * Facet counting and filtering run on these instead of SQL GROUP BY: AND/OR of a million-document
 * set is 31k word operations. See docs/decisions/0020-search-architecture.md.
 */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size >>> 5) + 1);
  }

  static fromSeqs(size: number, seqs: ArrayLike<number>): Bitset {
    const set = new Bitset(size);
    for (let index = 0; index < seqs.length; index++) set.add(seqs[index] as number);
    return set;
  }

  clone(): Bitset {
    const copy = new Bitset(this.size);
    copy.words.set(this.words);
    return copy;
  }

  add(value: number): void {
    if (value >= this.size) return;
    (this.words as Uint32Array)[value >>> 5] =
      ((this.words[value >>> 5] as number) | (1 << (value & 31))) >>> 0;
  }

  remove(value: number): void {
    if (value >= this.size) return;
    this.words[value >>> 5] = (this.words[value >>> 5] as number) & ~(1 << (value & 31));
  }

  has(value: number): boolean {
    if (value >= this.size) return false;
    return ((this.words[value >>> 5] as number) & (1 << (value & 31))) !== 0;
  }

  andInPlace(other: Bitset): this {
    const length = Math.min(this.words.length, other.words.length);
    for (let index = 0; index < length; index++)
      this.words[index] = (this.words[index] as number) & (other.words[index] as number);
    for (let index = length; index < this.words.length; index++) this.words[index] = 0;
    return this;
  }

  orInPlace(other: Bitset): this {
    const length = Math.min(this.words.length, other.words.length);
    for (let index = 0; index < length; index++)
      this.words[index] = (this.words[index] as number) | (other.words[index] as number);
    return this;
  }

  /** this AND NOT other. */
  andNotInPlace(other: Bitset): this {
    const length = Math.min(this.words.length, other.words.length);
    for (let index = 0; index < length; index++)
      this.words[index] = (this.words[index] as number) & ~(other.words[index] as number);
    return this;
  }

  count(): number {
    let total = 0;
    const words = this.words;
    for (let index = 0; index < words.length; index++) {
      let word = words[index] as number;
      if (word === 0) continue;
      word -= (word >>> 1) & 0x55555555;
      word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
      total += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }

  /** The smallest value such that at least `n` members are >= it (0 when there are fewer). */
  thresholdForTop(n: number): number {
    let seen = 0;
    for (let index = this.words.length - 1; index >= 0; index--) {
      let word = this.words[index] as number;
      while (word !== 0) {
        const highest = 31 - Math.clz32(word);
        if (++seen >= n) return (index << 5) + highest;
        word = (word & ~(1 << highest)) >>> 0;
      }
    }
    return 0;
  }

  forEach(visit: (value: number) => void): void {
    const words = this.words;
    for (let index = 0; index < words.length; index++) {
      let word = words[index] as number;
      while (word !== 0) {
        const lowest = word & -word;
        visit((index << 5) + (31 - Math.clz32(lowest)));
        word = (word ^ lowest) >>> 0;
      }
    }
  }

  toArray(): Uint32Array {
    const result = new Uint32Array(this.count());
    let position = 0;
    this.forEach((value) => {
      result[position++] = value;
    });
    return result;
  }
}
