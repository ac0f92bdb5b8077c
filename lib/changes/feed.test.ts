import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser, unique } from "@/lib/testing/fixtures";
import { latestSeq, readChanges, recordChange, recordChanges } from "./index";

function created(workspaceId: string, actorId: string, statement: string) {
  return { kind: "claim.created" as const, workspaceId, actorId, claimId: `c-${statement}`, data: { statement, annotationId: null, articleId: null } };
}

/** A workspace row with nothing in its feed (made the app's way, its creator's joining would be change 1). */
function emptyWorkspace() {
  const slug = unique("feed");
  return db.workspace.create({ data: { name: slug, slug }, select: { id: true } });
}

describe("the change feed", () => {
  it("numbers a workspace's changes 1, 2, 3… at commit, in commit order, with no gaps from rolled-back work", async () => {
    const owner = await makeUser();
    const ws = await emptyWorkspace();
    await db.$transaction((tx) => recordChange(tx, created(ws.id, owner.id, "one")));
    await db
      .$transaction(async (tx) => {
        await recordChange(tx, created(ws.id, owner.id, "rolled back"));
        throw new Error("abort");
      })
      .catch(() => undefined);
    await db.$transaction((tx) => recordChanges(tx, [created(ws.id, owner.id, "two"), created(ws.id, owner.id, "three")]));
    const changes = await readChanges(ws.id, 0, 10);
    expect(changes.map((c) => [c.seq, c.kind === "claim.created" && c.data.statement])).toEqual([
      [1, "one"],
      [2, "two"],
      [3, "three"],
    ]);
    expect(await latestSeq(ws.id)).toBe(3);
    expect((await readChanges(ws.id, 1, 10)).map((c) => c.seq)).toEqual([2, 3]);
  });

  it("a transaction that started first but commits last gets the higher seq, and nothing is visible before its commit", async () => {
    const owner = await makeUser();
    const ws = await emptyWorkspace();
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowRecorded!: () => void;
    const slowHasRecorded = new Promise<void>((resolve) => (slowRecorded = resolve));
    const slow = db.$transaction(async (tx) => {
      await recordChange(tx, created(ws.id, owner.id, "slow"));
      slowRecorded();
      await slowMayCommit;
    });
    await slowHasRecorded;
    await db.$transaction((tx) => recordChange(tx, created(ws.id, owner.id, "fast")));
    // The slow one is still open: a reader sees only the fast one, numbered 1.
    expect((await readChanges(ws.id, 0, 10)).map((c) => c.kind === "claim.created" && c.data.statement)).toEqual(["fast"]);
    releaseSlow();
    await slow;
    const all = await readChanges(ws.id, 0, 10);
    expect(all.map((c) => [c.seq, c.kind === "claim.created" && c.data.statement])).toEqual([
      [1, "fast"],
      [2, "slow"],
    ]);
  });

  it("many concurrent writers: every change numbered exactly once, contiguous", async () => {
    const owner = await makeUser();
    const ws = await emptyWorkspace();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.$transaction((tx) => recordChanges(tx, [created(ws.id, owner.id, `a${i}`), created(ws.id, owner.id, `b${i}`)]))),
    );
    const seqs = (await readChanges(ws.id, 0, 100)).map((c) => c.seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("refuses data that doesn't fit its kind, and writes nothing", async () => {
    const owner = await makeUser();
    const ws = await emptyWorkspace();
    const bad = { kind: "claim.created", workspaceId: ws.id, actorId: owner.id, data: { statement: 42 } } as unknown as Parameters<typeof recordChange>[1];
    await expect(db.$transaction((tx) => recordChange(tx, bad))).rejects.toThrow();
    expect(await readChanges(ws.id, 0, 10)).toEqual([]);
  });
});
