import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser, unique } from "@/lib/testing/fixtures";
import { listWorkspaces } from "./list-workspaces";
import { createWorkspace, slugify, workspaceNameSchema } from "./create-workspace";

describe("slugify", () => {
  it("makes a lower-case, dash-separated, accent-free address of at most 40 characters", () => {
    expect(slugify("Port Alder Courier")).toBe("port-alder-courier");
    expect(slugify("  Café Société — Fact Desk!! ")).toBe("cafe-societe-fact-desk");
    // Cyrillic names get a readable address, not a random one (the tester's S22).
    expect(slugify("Редакция Второй")).toBe("redaktsiya-vtoroy");
    expect(slugify("Деск Проверки")).toBe("desk-proverki");
    expect(slugify("Їжак і Ґанок: Київ")).toBe("yizhak-i-ganok-kyiv");
    expect(slugify("Редакція Києва")).toBe("redaktsiia-kyieva");
    expect(slugify("Моя редакція")).toBe("moia-redaktsiia");
    expect(slugify("Объём Щит")).toBe("obem-shchit");
    expect(slugify("a".repeat(39) + " bcd")).toBe("a".repeat(39));
    expect(slugify("日本語")).toBe("workspace");
  });
});

describe("createWorkspace", () => {
  it("makes the creator its admin and derives the slug from the name", async () => {
    const owner = await makeUser();
    const name = `Fact Desk ${unique("n")}`;
    const workspace = await createWorkspace({ name, ownerId: owner.id });
    expect(workspace.name).toBe(name);
    expect(workspace.slug).toBe(slugify(name));
    const memberships = await db.membership.findMany({ where: { workspaceId: workspace.id }, select: { userId: true, role: true } });
    expect(memberships).toEqual([{ userId: owner.id, role: "admin" }]);
    expect(await listWorkspaces(owner.id)).toEqual([
      { role: "admin", id: workspace.id, slug: workspace.slug, name, memberCount: 1, articleCount: 0 },
    ]);
  });

  it("a second workspace with the same name gets a different slug", async () => {
    const owner = await makeUser();
    const name = `Same Name ${unique("n")}`;
    const first = await createWorkspace({ name, ownerId: owner.id });
    const second = await createWorkspace({ name, ownerId: owner.id });
    expect(first.slug).toBe(slugify(name));
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug).toMatch(new RegExp(`^${slugify(name)}-[0-9a-f]{6}$`));
  });

  it("two workspaces with one name created at the same moment both succeed with different slugs", async () => {
    const owner = await makeUser();
    const name = `Race Desk ${unique("n")}`;
    const [a, b] = await Promise.all([createWorkspace({ name, ownerId: owner.id }), createWorkspace({ name, ownerId: owner.id })]);
    expect(a.slug).not.toBe(b.slug);
    expect(await db.membership.count({ where: { userId: owner.id, role: "admin" } })).toBe(2);
  });

  it("is one transaction: with a nonexistent owner it throws and writes no workspace", async () => {
    const name = `Orphan ${unique("n")}`;
    await expect(createWorkspace({ name, ownerId: `missing-${randomUUID()}` })).rejects.toThrow();
    expect(await db.workspace.count({ where: { name } })).toBe(0);
  });

  it("the name schema trims and bounds the name", () => {
    expect(workspaceNameSchema.parse("  Desk  ")).toBe("Desk");
    expect(workspaceNameSchema.safeParse(" a ").success).toBe(false);
    expect(workspaceNameSchema.safeParse("x".repeat(81)).success).toBe(false);
  });
});
