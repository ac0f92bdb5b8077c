import { describe, expect, it } from "vitest";
import { withoutBtreeGinRecreations } from "./btree-gin";

const drop = (name: string) => `-- DropIndex\nDROP INDEX "${name}";`;
const create = (name: string, table = "Claim") => `-- CreateIndex\nCREATE INDEX "${name}" ON "${table}" USING GIN ("workspaceId" text_ops, "statement" gin_trgm_ops);`;

describe("withoutBtreeGinRecreations", () => {
  it("leaves out a listed index dropped and created again, and keeps everything else", () => {
    const other = `-- AlterTable\nALTER TABLE "User" ADD COLUMN "name" TEXT;`;
    expect(withoutBtreeGinRecreations([drop("Claim_workspaceId_statement_trgm_idx"), drop("SearchLexeme_workspaceId_lexeme_trgm_idx"), create("Claim_workspaceId_statement_trgm_idx"), create("SearchLexeme_workspaceId_lexeme_trgm_idx", "SearchLexeme")].join("\n\n"))).toBe("");
    expect(withoutBtreeGinRecreations([drop("Claim_workspaceId_statement_trgm_idx"), other, create("Claim_workspaceId_statement_trgm_idx")].join("\n\n"))).toBe(other);
  });

  it("keeps a listed index only created (missing) or only dropped (extra), and an unlisted one re-created", () => {
    expect(withoutBtreeGinRecreations(create("Claim_workspaceId_tags_idx"))).toBe(create("Claim_workspaceId_tags_idx"));
    expect(withoutBtreeGinRecreations(drop("Claim_workspaceId_tags_idx"))).toBe(drop("Claim_workspaceId_tags_idx"));
    const unlisted = [drop("Claim_other_idx"), create("Claim_other_idx")].join("\n\n");
    expect(withoutBtreeGinRecreations(unlisted)).toBe(unlisted);
  });
});
