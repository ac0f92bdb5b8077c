import { randomBytes } from "node:crypto";
import { IdTable } from "./id-table";

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
   * Bundle id → the number of its new id (idSequence): a bundle of 100,000 claims names about a million
   * entities, kept outside V8's heap (id-table.ts) with a number each; the new id is written out only
   * when asked for. Numbered in the order first seen.
   */
  private readonly table = new IdTable();
  private readonly nth: (n: number) => string;
  constructor(nth: (n: number) => string = idSequence()) {
    this.nth = nth;
  }

  get(old: string): string {
    return this.nth(this.number(old));
  }

  /**
   * The number of `old`'s new id, allocated if new (bundle order matters: the checker asks for every
   * entity first): for what is held until later, a number instead of a 33-character string (idOf writes it out).
   */
  number(old: string): number {
    return this.table.add(old);
  }

  /** The new id numbered `n` by this map. */
  idOf(n: number): string {
    return this.nth(n);
  }

  /** The number of an id already allocated, or -1. */
  numberIfKnown(old: string): number {
    return this.table.indexOf(old);
  }
}
