import { randomBytes } from "node:crypto";

/**
 * New ids for one import, cuid-shaped ("c" + 24 lower-case base-36
 * characters) and strictly increasing in the order they are asked for: the
 * importer asks in the bundle's order, so rows that tie on createdAt keep
 * their relative order (exports sort by createdAt, then id).
 */
export function idFactory(now = Date.now()): () => string {
  const time = now.toString(36).padStart(9, "0").slice(-9);
  const tail = Array.from(randomBytes(8), (b) => (b % 36).toString(36)).join("");
  let counter = 0;
  return () => `c${time}${(counter++).toString(36).padStart(7, "0")}${tail}`;
}

/**
 * Bundle id → new id. The same old id always gets the same new id, also when
 * it names something the bundle doesn't hold (a claim merged away, a removed
 * source): such references stay consistent with each other and point at
 * nothing here, as they pointed at nothing in the bundle.
 */
export class IdMap {
  private readonly map = new Map<string, string>();
  constructor(private readonly next: () => string) {}

  /** Allocates (bundle order matters: call this for every entity first). */
  add(old: string): string {
    const fresh = this.next();
    this.map.set(old, fresh);
    return fresh;
  }

  get(old: string): string {
    return this.map.get(old) ?? this.add(old);
  }

  /** Only ids already allocated. */
  known(old: string): string | undefined {
    return this.map.get(old);
  }
}
