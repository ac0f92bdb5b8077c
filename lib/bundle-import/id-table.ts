/**
 * Distinct strings numbered 0, 1, 2… in the order first added, kept as UTF-8 bytes in typed arrays outside
 * V8's heap: the ids of a bundle, which an import holds from its check to the end of its writing.
 *
 * Why not a Map: a 100k-claim bundle names about 1.25 million ids. As strings in a Map and the check's Sets,
 * each cost ~100 bytes of V8's heap (the string, the entries, the tables' slack), about 120 MB live through
 * the whole import, all of it marked by every full collection; here each costs ~40 bytes in a few large
 * buffers (bench/results/import-peak-2026-12-04-session36.md).
 *
 * Open addressing (linear probing) over a power-of-two slot array at most half full; each entry's hash is
 * kept so growing needn't read the bytes again. Bytes go into 1 MiB chunks that are never moved or copied.
 */
export class IdTable {
  private static readonly CHUNK = 1 << 20;
  private static readonly encoder = new TextEncoder();

  private chunks: Uint8Array[] = [];
  private chunkUsed = 0;
  /** Per entry: its chunk, its offset there, its length in bytes, its hash. */
  private chunkOf = new Uint32Array(1024);
  private offsetOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private hashOf = new Uint32Array(1024);
  /** Entry number + 1 per slot; 0: empty. */
  private slots = new Uint32Array(2048);
  private scratch = new Uint8Array(256);
  private scratchLength = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The number of `s`, or -1 if it was never added. */
  indexOf(s: string): number {
    const h = this.encode(s);
    const slot = this.find(h);
    return this.slots[slot] - 1;
  }

  /** The number of `s`, added after the others if it is new. */
  add(s: string): number {
    const h = this.encode(s);
    const slot = this.find(h);
    if (this.slots[slot] !== 0) return this.slots[slot] - 1;
    const n = this.count++;
    if (n === this.hashOf.length) this.growEntries();
    this.store(n, h);
    this.slots[slot] = n + 1;
    if (this.count * 2 > this.slots.length) this.growSlots();
    return n;
  }

  /**
   * `s` as UTF-8 into `scratch`, and its hash (FNV-1a). UTF-8 has no form for a lone surrogate (encodeInto
   * writes U+FFFD for it, so two strings would be one): such a string is kept as its UTF-16 code units after
   * a 0xFF byte, which no UTF-8 holds.
   */
  private encode(s: string): number {
    if (this.scratch.length < s.length * 3 + 1) this.scratch = new Uint8Array(s.length * 3 + 1);
    let written: number;
    if (s.isWellFormed()) written = IdTable.encoder.encodeInto(s, this.scratch).written;
    else {
      this.scratch[0] = 0xff;
      for (let i = 0; i < s.length; i++) {
        const unit = s.charCodeAt(i);
        this.scratch[1 + 2 * i] = unit & 0xff;
        this.scratch[2 + 2 * i] = unit >> 8;
      }
      written = 1 + 2 * s.length;
    }
    this.scratchLength = written;
    let h = 0x811c9dc5;
    for (let i = 0; i < written; i++) h = Math.imul(h ^ this.scratch[i], 0x01000193);
    return h >>> 0;
  }

  /** The slot holding the scratch bytes, or the empty slot where they would go. */
  private find(h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.slots[slot];
      if (e === 0) return slot;
      if (this.hashOf[e - 1] === h && this.equals(e - 1)) return slot;
    }
  }

  private equals(n: number): boolean {
    const length = this.lengthOf[n];
    if (length !== this.scratchLength) return false;
    const chunk = this.chunks[this.chunkOf[n]];
    const at = this.offsetOf[n];
    for (let i = 0; i < length; i++) if (chunk[at + i] !== this.scratch[i]) return false;
    return true;
  }

  private store(n: number, h: number) {
    const length = this.scratchLength;
    let chunk = this.chunks[this.chunks.length - 1];
    // A new chunk when this one is full (what is left of it, less than one id, stays unused); a string longer
    // than a chunk gets one of its size.
    if (!chunk || this.chunkUsed + length > chunk.length) {
      chunk = new Uint8Array(Math.max(IdTable.CHUNK, length));
      this.chunks.push(chunk);
      this.chunkUsed = 0;
    }
    chunk.set(this.scratch.subarray(0, length), this.chunkUsed);
    this.chunkOf[n] = this.chunks.length - 1;
    this.offsetOf[n] = this.chunkUsed;
    this.lengthOf[n] = length;
    this.hashOf[n] = h;
    this.chunkUsed += length;
  }

  private growEntries() {
    const grow = (a: Uint32Array) => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.chunkOf = grow(this.chunkOf);
    this.offsetOf = grow(this.offsetOf);
    this.lengthOf = grow(this.lengthOf);
    this.hashOf = grow(this.hashOf);
  }

  private growSlots() {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 0; n < this.count; n++) {
      let slot = this.hashOf[n] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n + 1;
    }
    this.slots = slots;
  }
}
