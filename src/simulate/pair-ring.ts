// A growable FIFO ring of (value, tag) integer pairs: waiting contacts and idle agent slots.
// Limits: stale entries are skipped by the caller (lazy deletion); the ring never shrinks.

export class PairRing {
  private values: Int32Array;
  private tags: Int32Array;
  private head = 0;
  size = 0;
  /** Value and tag of the last shifted entry. */
  value = 0;
  tag = 0;

  constructor(capacity = 64) {
    this.values = new Int32Array(capacity);
    this.tags = new Int32Array(capacity);
  }

  push(value: number, tag: number): void {
    if (this.size === this.values.length) this.grow();
    const i = (this.head + this.size) % this.values.length;
    this.values[i] = value;
    this.tags[i] = tag;
    this.size++;
  }

  /** Takes the oldest entry into `value`/`tag`; false when empty. */
  shift(): boolean {
    if (this.size === 0) return false;
    this.value = this.values[this.head]!;
    this.tag = this.tags[this.head]!;
    this.head = (this.head + 1) % this.values.length;
    this.size--;
    return true;
  }

  /** Reads the oldest entry into `value`/`tag` without removing it; false when empty. */
  peek(): boolean {
    if (this.size === 0) return false;
    this.value = this.values[this.head]!;
    this.tag = this.tags[this.head]!;
    return true;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const cap = this.values.length * 2;
    const values = new Int32Array(cap);
    const tags = new Int32Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) % this.values.length;
      values[k] = this.values[i]!;
      tags[k] = this.tags[i]!;
    }
    this.values = values;
    this.tags = tags;
    this.head = 0;
  }
}
