import path from "node:path";
import { withoutBtreeGinRecreations } from "./btree-gin";
import { liveDatabaseTarget, openEngine, schemaTarget } from "./schema-engine";

/**
 * Compares the live database at `databaseUrl` with schema.prisma using the
 * schema engine's own differ (tables, columns, types, nullability, defaults,
 * indexes, foreign keys and their referential actions, enums).
 * Returns null when they match, otherwise a report naming each difference and
 * the SQL the engine would run to bring the database to the schema. The
 * engine's endless re-creation of the btree_gin indexes is no difference
 * (btree-gin.ts).
 */
export async function findDrift(
  databaseUrl: string,
  schemaPath = path.join("prisma", "schema.prisma"),
): Promise<string | null> {
  const engine = await openEngine(databaseUrl);
  try {
    const [from, to] = await Promise.all([liveDatabaseTarget(schemaPath), schemaTarget(schemaPath)]);
    const summary = await engine.diff(from, to, { script: false });
    if (summary.exitCode === 0) return null;
    const sql = withoutBtreeGinRecreations((await engine.diff(from, to, { script: true })).stdout ?? "");
    if (!sql) return null;
    return [
      `The database differs from ${schemaPath}:`,
      (summary.stdout ?? "").trim(),
      "",
      "SQL that would bring the database in line with the schema:",
      sql,
    ].join("\n");
  } finally {
    await engine.close();
  }
}
