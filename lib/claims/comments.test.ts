import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addComment, editComment } from "./comments";
import { claimWorld, explanation } from "./test-world";

describe("editing a comment", () => {
  it("with the same text changes nothing (so it is not marked edited); with new text it is saved", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const c = await w.claim("about 40,000 vehicles a day");
    const comment = await addComment(a, c.id, { body: explanation("Checking the count") });
    const before = await db.claimComment.findUniqueOrThrow({ where: { id: comment.id } });
    const same = await editComment(a, c.id, comment.id, { body: explanation("Checking the count") });
    expect(same).toMatchObject({ id: comment.id, edited: false, updatedAt: before.updatedAt.toISOString() });
    expect((await db.claimComment.findUniqueOrThrow({ where: { id: comment.id } })).updatedAt).toEqual(before.updatedAt);
    const changed = await editComment(a, c.id, comment.id, { body: explanation("Checked the count") });
    expect(changed.body).toEqual(explanation("Checked the count"));
    expect((await db.claimComment.findUniqueOrThrow({ where: { id: comment.id } })).bodyText).toBe("Checked the count");
  });
});
