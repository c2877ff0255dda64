// A binary min-heap of simulation events on typed arrays: time, an integer code and an integer tag.
// Limits: ties pop in heap order (deterministic for the same pushes, not FIFO); grows by doubling.

export class EventHeap {
  private times: Float64Array;
  private codes: Int32Array;
  private tags: Int32Array;
  size = 0;
  /** Code and tag of the last popped event. */
  code = 0;
  tag = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.tags = new Int32Array(capacity);
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, code: number, tag = 0): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    const tags = this.tags;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      times[i] = times[parent]!;
      codes[i] = codes[parent]!;
      tags[i] = tags[parent]!;
      i = parent;
    }
    times[i] = time;
    codes[i] = code;
    tags[i] = tag;
  }

  /** Removes the earliest event; returns its time and leaves its code and tag in `code`/`tag`. */
  pop(): number {
    const times = this.times;
    const codes = this.codes;
    const tags = this.tags;
    const top = times[0]!;
    this.code = codes[0]!;
    this.tag = tags[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const t = times[n]!;
    const c = codes[n]!;
    const g = tags[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= t) break;
      times[i] = times[child]!;
      codes[i] = codes[child]!;
      tags[i] = tags[child]!;
      i = child;
    }
    times[i] = t;
    codes[i] = c;
    tags[i] = g;
    return top;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const codes = new Int32Array(cap);
    const tags = new Int32Array(cap);
    times.set(this.times);
    codes.set(this.codes);
    tags.set(this.tags);
    this.times = times;
    this.codes = codes;
    this.tags = tags;
  }
}
