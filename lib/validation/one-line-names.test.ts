import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { newTokenSchema } from "@/lib/api-v1/tokens";
import { createClaimSchema, updateClaimSchema } from "@/lib/claims/schemas";
import { issueCode } from "@/lib/http/error-codes";
import { newWorkspaceSchema } from "@/lib/workspaces/create-workspace";

/**
 * Names everyone sees (a workspace's, an API token's, a claim's claimant) are one line without direction
 * controls, like people's names and glossary terms: a right-to-left override reversed the text after it in
 * every member's header (issue 14's tester, X10, X11, X23). The refusal names the field with the one_line code.
 */
function refusal(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0];
  return { path: issue.path.join("."), code: issueCode(issue).code };
}

describe("one-line names", () => {
  it("refuses direction controls, control characters and line breaks, naming the field", () => {
    for (const bad of ["a\u202Eb", "Desk\u0007", "two\nlines", "a\u2066b\u2069"]) {
      expect(refusal(newWorkspaceSchema, { name: bad })).toEqual({ path: "name", code: "one_line" });
      expect(refusal(newTokenSchema, { name: bad, workspace: "desk" })).toEqual({ path: "name", code: "one_line" });
      expect(refusal(updateClaimSchema, { version: 1, claimant: `Кулеба${bad}` })).toEqual({ path: "claimant", code: "one_line" });
    }
  });

  it("keeps names in any script, with the joiners scripts and emoji need", () => {
    expect(newWorkspaceSchema.safeParse({ name: "Деск перевірки 👩‍💻" }).success).toBe(true);
    expect(newTokenSchema.safeParse({ name: "Скрипт імпорту", workspace: "desk" }).success).toBe(true);
    expect(createClaimSchema.safeParse({ annotationId: "a".repeat(25), statement: "S", claimant: "Дмитро Кулеба" }).success).toBe(true);
  });
});
