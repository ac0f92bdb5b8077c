/**
 * The GIN indexes that lead with the workspace (`workspaceId(ops: raw("text_ops"))` in schema.prisma, through
 * btree_gin: migration workspace_text_indexes). Prisma's differ reads a column's default operator class in the
 * database as none, and the schema's `text_ops` as one, so it always wants to drop these indexes and create them
 * again, identical (prisma/orm#17518, open since 2023). Without `ops` the schema is refused ("The Gin index type
 * does not support the type of the field").
 */
export const BTREE_GIN_INDEXES: ReadonlySet<string> = new Set([
  "Claim_workspaceId_searchVector_idx",
  "Claim_workspaceId_statement_trgm_idx",
  "Claim_workspaceId_tags_idx",
  "Claim_workspaceId_claimant_trgm_idx",
  "SearchLexeme_workspaceId_lexeme_trgm_idx",
]);

const STATEMENT = /^-- (?:DropIndex|CreateIndex)\n(DROP|CREATE) INDEX "([^"]+)"/;

/**
 * The schema engine's migration script without those re-creations: an index of BTREE_GIN_INDEXES both dropped
 * and created is left out (drop and create alike). One only dropped or only created is a real difference and
 * stays. Returns "" when nothing else is left.
 */
export function withoutBtreeGinRecreations(sql: string): string {
  const blocks = sql.trim().split(/\n\s*\n/);
  const seen = (verb: string) => new Set(blocks.map((b) => b.match(STATEMENT)).filter((m) => m?.[1] === verb).map((m) => m![2]));
  const dropped = seen("DROP");
  const created = seen("CREATE");
  const recreated = (name: string) => BTREE_GIN_INDEXES.has(name) && dropped.has(name) && created.has(name);
  return blocks
    .filter((b) => {
      const m = b.match(STATEMENT);
      return !(m && recreated(m[2]));
    })
    .join("\n\n")
    .trim();
}
