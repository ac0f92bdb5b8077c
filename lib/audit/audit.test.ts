import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { recordChange, recordChanges } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { auditExportResponse } from "./export-audit";
import { listAudit } from "./list-audit";
import { auditFilterSchema, parseAuditFilter } from "./filters";

const NASTY = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", 'a, "quoted", b', "line one\nline two\r\n=cmd|' /C calc'!A0", "\ttab", "ünïcødé 🧪"];

async function world() {
  const owner = await makeUser({ name: "=Owner, \"the\" admin" });
  const { workspace } = await makeWorkspace(owner);
  const access = await authorize(owner.id, workspace.slug, "workspace.update");
  return { owner, workspace, access };
}

const filter = (raw: Record<string, string> = {}) => auditFilterSchema.parse(raw);

describe("the audit log", () => {
  it("exports CSV that csv-parse reads back value for value, formulas neutralised, one record per change", async () => {
    const w = await world();
    await db.$transaction((tx) =>
      recordChanges(
        tx,
        NASTY.map((name) => ({ kind: "token.created" as const, workspaceId: w.workspace.id, actorId: w.owner.id, subjectId: "t1", data: { name, prefix: "ct_ab", owner: { id: w.owner.id, name } } })),
      ),
    );
    const res = await auditExportResponse(w.access, new URLSearchParams({ format: "csv", kind: "token" }));
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await res.text();
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(NASTY.length);
    rows.forEach((row, i) => {
      expect(row.Kind).toBe("token.created");
      expect(row.Person).toBe(`'=Owner, "the" admin`);
      expect(JSON.parse(row.Data).name).toBe(NASTY[i]);
      expect(row.Summary).toContain(NASTY[i].slice(0, 10).replace(/^[=+\-@\t]/, ""));
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
    expect(rows.map((r) => Number(r.Seq))).toEqual([...rows.map((r) => Number(r.Seq))].sort((a, b) => a - b));
  });

  it("exports JSON Lines, one change per line, and records the export itself", async () => {
    const w = await world();
    await db.$transaction((tx) => recordChange(tx, { kind: "settings.changed", workspaceId: w.workspace.id, actorId: w.owner.id, data: { changes: [{ field: "name", from: "a\nb", to: "=c" }] } }));
    const res = await auditExportResponse(w.access, new URLSearchParams({ format: "jsonl" }));
    const lines = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toContain("settings.changed");
    expect(lines.find((l) => l.kind === "settings.changed").data.changes[0].to).toBe("=c");
    const page = await listAudit(w.access, filter({ kind: "export.created" }));
    expect(page.items[0].change.data).toMatchObject({ format: "audit-jsonl" });
  });

  it("filters by person, kind or area and date range, and pages by seq", async () => {
    const w = await world();
    const other = (await makeMember(w.workspace.id, "annotator")).user;
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) => recordChange(tx, { kind: "invite.created", workspaceId: w.workspace.id, actorId: i % 2 ? other.id : w.owner.id, subjectId: `i${i}`, data: { role: "viewer", expiresAt: "2030-01-01T00:00:00Z" } }));
    }
    await db.$transaction((tx) => recordChange(tx, { kind: "invite.revoked", workspaceId: w.workspace.id, actorId: w.owner.id, data: { role: "viewer" } }));
    const byOther = await listAudit(w.access, filter({ person: other.id }));
    expect(byOther.items.map((e) => e.change.subjectId)).toEqual(["i3", "i1"]);
    expect(byOther.items[0].actorName).toBe(other.name);
    expect((await listAudit(w.access, filter({ kind: "invite.revoked" }))).items).toHaveLength(1);
    expect((await listAudit(w.access, filter({ kind: "invite" }))).items).toHaveLength(6);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(w.access, filter({ kind: "invite", from: today, to: today }))).items).toHaveLength(6);
    expect((await listAudit(w.access, filter({ kind: "invite", to: "2020-01-01" }))).items).toHaveLength(0);
    const first = await listAudit(w.access, filter({ kind: "invite", limit: "4" }));
    expect(first.items).toHaveLength(4);
    const second = await listAudit(w.access, filter({ kind: "invite", limit: "4", before: String(first.nextBefore) }));
    expect(second.items).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    const seqs = [...first.items, ...second.items].map((e) => e.change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(auditFilterSchema.safeParse({ from: "2024-02-30" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ kind: "nope" }).success).toBe(false);
    // Several bad filters: each is named, none dropped (the API's names via rename).
    expect(() => parseAuditFilter({ from: "2026-99-99", kind: "nope", before: "x" }, { before: "cursor" })).toThrow(
      expect.objectContaining({ status: 400, fields: { from: expect.any(String), kind: "Choose a kind of event from the list.", cursor: expect.any(String) } }),
    );
  });

  it("is for admins only", async () => {
    const w = await world();
    for (const role of ["viewer", "annotator", "reviewer"] as const) {
      const m = await makeMember(w.workspace.id, role);
      const access = await authorize(m.user.id, w.workspace.slug, "workspace.view");
      await expect(listAudit(access, filter())).rejects.toMatchObject({ status: 403 });
      await expect(auditExportResponse(access, new URLSearchParams({ format: "csv" }))).rejects.toMatchObject({ status: 403 });
    }
  });

  it("can't be edited or deleted in the database, except the seq given at commit and the workspace's own deletion", async () => {
    const w = await world();
    const id = await db.$transaction((tx) => recordChange(tx, { kind: "invite.revoked", workspaceId: w.workspace.id, actorId: w.owner.id, data: { role: "viewer" } }));
    const row = await db.change.findUniqueOrThrow({ where: { id } });
    expect(row.seq).not.toBeNull(); // the commit-time UPDATE went through
    await expect(db.change.update({ where: { id }, data: { data: { role: "admin" } } })).rejects.toThrow(/append-only/);
    await expect(db.change.update({ where: { id }, data: { seq: 999 } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "Change" SET "actorId" = NULL WHERE "id" = ${id}`)).rejects.toThrow(/append-only/);
    await expect(db.change.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db.change.deleteMany({ where: { workspaceId: w.workspace.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "Change"`)).rejects.toThrow(/append-only/);
    // A seq can't be set on a pending row by hand either (only to its own value at commit, by the trigger).
    await expect(
      db.$transaction(async (tx) => {
        const pending = await recordChange(tx, { kind: "invite.revoked", workspaceId: w.workspace.id, actorId: w.owner.id, data: { role: "viewer" } });
        await tx.$executeRawUnsafe(`UPDATE "Change" SET "seq" = 1, "kind" = 'x' WHERE "id" = ${pending}`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.change.findUniqueOrThrow({ where: { id } })).toEqual(row);
    // Deleting the workspace takes its log with it (the only way rows leave).
    await db.workspace.delete({ where: { id: w.workspace.id } });
    expect(await db.change.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});
