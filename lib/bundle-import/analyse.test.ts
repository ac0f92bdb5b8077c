import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { analyseAfterImport, ANALYSE_AFTER_ROWS, IMPORTED_TABLES } from "./apply";

/** When each imported table was last analysed by hand (ANALYZE), from the statistics views. */
async function lastAnalysed(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ relname: string; at: Date | null }[]>`
    SELECT relname, last_analyze AS at FROM pg_stat_user_tables WHERE relname = ANY(${[...IMPORTED_TABLES]}::text[])`;
  return Object.fromEntries(rows.map((r) => [r.relname, r.at?.getTime() ?? 0]));
}

const plan = (claims: number) => ({ create: { articles: 0, revisions: 0, annotations: 0, claims, sources: 0, relations: 0, events: 0, comments: 0 } });

describe("statistics after a large import (black-box finding F8)", () => {
  it("analyses every table the import filled once it wrote enough rows, and leaves them alone for a small one", async () => {
    const before = await lastAnalysed();
    await analyseAfterImport(plan(ANALYSE_AFTER_ROWS - 1));
    expect(await lastAnalysed()).toEqual(before);
    await analyseAfterImport(plan(ANALYSE_AFTER_ROWS));
    const after = await lastAnalysed();
    expect(Object.keys(after).sort()).toEqual([...IMPORTED_TABLES].sort());
    for (const table of IMPORTED_TABLES) expect(after[table], table).toBeGreaterThan(before[table] ?? 0);
  });
});
