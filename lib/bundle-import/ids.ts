import { randomBytes } from "node:crypto";

/**
 * New ids for one import, cuid-shaped ("c" + 24 lower-case base-36
 * characters) and strictly increasing in the order they are asked for: the
 * importer asks in the bundle's order, so rows that tie on createdAt keep
 * their relative order (exports sort by createdAt, then id).
 */
export function idFactory(now = Date.now()): () => string {
  const nth = idSequence(now);
  let counter = 0;
  return () => nth(counter++);
}

/** The factory's ids by number: the n-th id it hands out (from 0), made when asked for. */
export function idSequence(now = Date.now()): (n: number) => string {
  const time = now.toString(36).padStart(9, "0").slice(-9);
  const tail = Array.from(randomBytes(8), (b) => (b % 36).toString(36)).join("");
  return (n) => `c${time}${n.toString(36).padStart(7, "0")}${tail}`;
}

/**
 * Bundle id → new id. The same old id always gets the same new id, also when
 * it names something the bundle doesn't hold (a claim merged away, a removed
 * source): such references stay consistent with each other and point at
 * nothing here, as they pointed at nothing in the bundle.
 */
export class IdMap {
  /**
   * Bundle id → the number of its new id (idSequence): a bundle of 100,000
   * claims names about a million entities, and a number costs nothing next
   * to a string per entity; the new id is written out when asked for.
   */
  private readonly map = new Map<string, number>();
  private readonly nth: (n: number) => string;
  private next = 0;
  constructor(nth: (n: number) => string = idSequence()) {
    this.nth = nth;
  }

  /** Allocates (bundle order matters: call this for every entity first). The id itself is written out only when asked for. */
  add(old: string): void {
    this.map.set(old, this.next++);
  }

  get(old: string): string {
    return this.nth(this.number(old));
  }

  /**
   * The number of `old`'s new id (allocated if new): for what is held until
   * later, a number instead of a 33-character string (idOf writes it out).
   */
  number(old: string): number {
    let n = this.map.get(old);
    if (n === undefined) this.map.set(old, (n = this.next++));
    return n;
  }

  /** The new id numbered `n` by this map. */
  idOf(n: number): string {
    return this.nth(n);
  }

  /** Only ids already allocated. */
  known(old: string): string | undefined {
    const n = this.map.get(old);
    return n === undefined ? undefined : this.nth(n);
  }
}
