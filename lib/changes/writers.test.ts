import { describe, expect, it } from "vitest";
import { importAnnotations } from "@/lib/annotation-import/import-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { restoreAnnotation } from "@/lib/annotations/restore-annotation";
import { createApiToken, revokeApiToken } from "@/lib/api-v1/tokens";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { editArticle } from "@/lib/articles/edit-article";
import { importArticle } from "@/lib/articles/import";
import { authorize, type Access } from "@/lib/auth/permissions";
import { importBundle } from "@/lib/bundle-import";
import { db } from "@/lib/db/client";
import { exportResponse, exportToString } from "@/lib/export";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { addMember } from "@/lib/members/add-member";
import { changeRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";
import { base64, makeDocx } from "@/lib/testing/office-files";
import { makeMember, makeUser, makeWorkspace, unique, type FixtureUser } from "@/lib/testing/fixtures";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-settings";
import { latestSeq, readChanges, type Change } from "./index";

/**
 * Every article, highlight and team writer records its typed change in the
 * feed, in its own transaction, with the actor and subjects it is about. The
 * claim and comment writers are tested with the claims.
 */

const PARAGRAPHS = ["The bridge carries about 40,000 vehicles a day, the council leader said.", "Repairs will cost 12 million euros."];

async function world() {
  const { workspace, admin } = await makeWorkspace();
  const access = await authorize(admin.id, workspace.slug, "workspace.view");
  const title = unique("Article");
  const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs([title, ...PARAGRAPHS]), metadata: { title, tags: [] } });
  const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true, title: true, revision: true } });
  const highlight = (words: string, as: Access = access) => {
    const start = article.text.indexOf(words);
    return createAnnotation(as, article.id, { start, end: start + words.length, revision: article.revision });
  };
  return { workspace, admin, access, article, highlight };
}

/** What `act` added to the workspace's feed, as comparable [kind, actor, subjects, data]. */
async function recorded(workspaceId: string, act: () => Promise<unknown>) {
  const before = await latestSeq(workspaceId);
  await act();
  return (await readChanges(workspaceId, before, 100)).map(view);
}

function view(c: Change) {
  return { kind: c.kind, actorId: c.actorId, articleId: c.articleId, claimId: c.claimId, subjectId: c.subjectId, data: c.data };
}

const ref = (u: FixtureUser) => ({ id: u.id, name: u.name });

describe("article writers record their changes", () => {
  it("creating an article by each import path records article.created with its path", async () => {
    const { workspace, admin } = await world();
    const paste = await recorded(workspace.id, () => importArticle({ workspaceId: workspace.id, actorId: admin.id, content: "Pasted title\n\nThe ferry runs every ten minutes." }));
    const file = await recorded(workspace.id, () => importArticle({ workspaceId: workspace.id, actorId: admin.id, filename: "notes.md", content: "# File title\n\nThe tram runs every five minutes." }));
    const docx = await recorded(workspace.id, async () =>
      importArticle({ workspaceId: workspace.id, actorId: admin.id, filename: "report.docx", content: base64(await makeDocx({ title: "Word title", paragraphs: ["Buses run every hour."] })) }),
    );
    const api = await recorded(workspace.id, () => importArticle({ workspaceId: workspace.id, actorId: admin.id, content: "Api title\n\nTaxis are always late.", via: "api" }));
    const cli = await recorded(workspace.id, () => importArticle({ workspaceId: workspace.id, actorId: null, content: "Cli title\n\nBikes are free on Sundays.", via: "cli" }));
    const articles = await db.article.findMany({ where: { workspaceId: workspace.id }, select: { id: true, title: true } });
    const byTitle = (t: string) => articles.find((a) => a.title === t)!.id;
    expect([...paste, ...file, ...docx, ...api, ...cli]).toEqual([
      { kind: "article.created", actorId: admin.id, articleId: byTitle("Pasted title"), claimId: null, subjectId: null, data: { title: "Pasted title", via: "paste" } },
      { kind: "article.created", actorId: admin.id, articleId: byTitle("File title"), claimId: null, subjectId: null, data: { title: "File title", via: "file" } },
      { kind: "article.created", actorId: admin.id, articleId: byTitle("Word title"), claimId: null, subjectId: null, data: { title: "Word title", via: "docx" } },
      { kind: "article.created", actorId: admin.id, articleId: byTitle("Api title"), claimId: null, subjectId: null, data: { title: "Api title", via: "api" } },
      { kind: "article.created", actorId: null, articleId: byTitle("Cli title"), claimId: null, subjectId: null, data: { title: "Cli title", via: "cli" } },
    ]);
    // A duplicate stores nothing, so records nothing.
    expect(await recorded(workspace.id, () => importArticle({ workspaceId: workspace.id, actorId: admin.id, content: "Pasted title\n\nThe ferry runs every ten minutes." }))).toEqual([]);
  });

  it("an edit records article.edited with the fields it changed, and the re-anchoring it caused", async () => {
    const { workspace, admin, access, article, highlight } = await world();
    await highlight("40,000 vehicles");
    await highlight("12 million euros");
    const metadataOnly = await recorded(workspace.id, () => editArticle(access, article.id, { version: 1, author: "Ana Ruiz", tags: ["roads"] }));
    expect(metadataOnly).toEqual([{ kind: "article.edited", actorId: admin.id, articleId: article.id, claimId: null, subjectId: null, data: { title: article.title, revision: 2, fields: ["author", "tags"] } }]);
    const body = `${article.title}\n\nSome say the bridge carries about 40,000 vehicles a day, the council leader said.`;
    const text = await recorded(workspace.id, () => editArticle(access, article.id, { version: 2, title: "Bridge", content: body, format: "text" }));
    expect(text).toEqual([
      { kind: "article.edited", actorId: admin.id, articleId: article.id, claimId: null, subjectId: null, data: { title: "Bridge", revision: 3, fields: ["title", "text"] } },
      { kind: "annotation.reanchored", actorId: admin.id, articleId: article.id, claimId: null, subjectId: null, data: { count: 2, orphaned: 1, revision: 3 } },
    ]);
  });
});

describe("highlight writers record their changes", () => {
  it("create, delete and restore each record one change naming the highlight", async () => {
    const { workspace, admin, access, article, highlight } = await world();
    let id = "";
    const created = await recorded(workspace.id, async () => (id = (await highlight("40,000 vehicles")).id));
    const deleted = await recorded(workspace.id, () => deleteAnnotation(access, article.id, id));
    const restored = await recorded(workspace.id, () => restoreAnnotation(access, article.id, id));
    const subject = { actorId: admin.id, articleId: article.id, claimId: null, subjectId: id };
    expect([...created, ...deleted, ...restored]).toEqual([
      { ...subject, kind: "annotation.created", data: { annotationId: id, exact: "40,000 vehicles", claimId: null } },
      { ...subject, kind: "annotation.deleted", data: { annotationId: id, exact: "40,000 vehicles" } },
      { ...subject, kind: "annotation.restored", data: { annotationId: id, exact: "40,000 vehicles" } },
    ]);
  });

  it("a refused highlight records nothing", async () => {
    const { workspace, highlight } = await world();
    await highlight("40,000 vehicles");
    expect(await recorded(workspace.id, () => highlight("40,000 vehicles").catch(() => undefined))).toEqual([]);
  });
});

describe("team writers record their changes", () => {
  it("members: joining by invite, role changes, removal, the CLI's add; invites: created, revoked", async () => {
    const { workspace, admin } = await world();
    const joiner = await makeUser({ name: "Jo Joiner" });
    let invite = { id: "", token: "", expiresAt: new Date() };
    const created = await recorded(workspace.id, async () => (invite = await createInvite({ workspaceId: workspace.id, createdById: admin.id, role: "annotator" })));
    const accepted = await recorded(workspace.id, () => acceptInvite({ token: invite.token, userId: joiner.id }));
    const membership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: joiner.id } } });
    const promoted = await recorded(workspace.id, () => changeRole({ workspaceId: workspace.id, membershipId: membership.id, role: "reviewer", actorId: admin.id }));
    const same = await recorded(workspace.id, () => changeRole({ workspaceId: workspace.id, membershipId: membership.id, role: "reviewer", actorId: admin.id }));
    const removed = await recorded(workspace.id, () => removeMember({ workspaceId: workspace.id, membershipId: membership.id, actorId: admin.id }));
    let second = { id: "" };
    await recorded(workspace.id, async () => (second = await createInvite({ workspaceId: workspace.id, createdById: admin.id, role: "viewer" })));
    const revoked = await recorded(workspace.id, () => revokeInvite({ workspaceId: workspace.id, inviteId: second.id, actorId: admin.id }));
    const cliUser = await makeUser({ name: "Cli Person" });
    const cli = await recorded(workspace.id, () => addMember({ workspaceSlug: workspace.slug, email: cliUser.email, role: "viewer" }));
    const none = { articleId: null, claimId: null };
    expect(created).toEqual([{ ...none, kind: "invite.created", actorId: admin.id, subjectId: invite.id, data: { role: "annotator", expiresAt: invite.expiresAt.toISOString() } }]);
    expect(accepted).toEqual([
      { ...none, kind: "invite.accepted", actorId: joiner.id, subjectId: invite.id, data: { role: "annotator", user: ref(joiner), invitedById: admin.id } },
      { ...none, kind: "member.joined", actorId: joiner.id, subjectId: joiner.id, data: { user: ref(joiner), role: "annotator", via: "invite" } },
    ]);
    expect(promoted).toEqual([{ ...none, kind: "member.role-changed", actorId: admin.id, subjectId: joiner.id, data: { user: ref(joiner), from: "annotator", to: "reviewer" } }]);
    expect(same).toEqual([]);
    expect(removed).toEqual([{ ...none, kind: "member.removed", actorId: admin.id, subjectId: joiner.id, data: { user: ref(joiner), role: "reviewer" } }]);
    expect(revoked).toEqual([{ ...none, kind: "invite.revoked", actorId: admin.id, subjectId: second.id, data: { role: "viewer" } }]);
    expect(cli).toEqual([{ ...none, kind: "member.joined", actorId: null, subjectId: cliUser.id, data: { user: ref(cliUser), role: "viewer", via: "cli" } }]);
  });

  it("a new workspace's first change is its creator joining as admin", async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const { workspace } = await makeWorkspace(owner);
    expect((await readChanges(workspace.id, 0, 10)).map(view)).toEqual([
      { kind: "member.joined", actorId: owner.id, articleId: null, claimId: null, subjectId: owner.id, data: { user: ref(owner), role: "admin", via: "created" } },
    ]);
  });

  it("API tokens: created and revoked, named with their owner", async () => {
    const { workspace } = await world();
    const { user: owner } = await makeMember(workspace.id, "annotator");
    let token = { id: "", prefix: "" };
    const created = await recorded(workspace.id, async () => (token = await createApiToken(owner.id, { name: "scripts", workspace: workspace.slug })));
    const revoked = await recorded(workspace.id, () => revokeApiToken(owner.id, token.id));
    const data = { name: "scripts", prefix: token.prefix, owner: ref(owner) };
    expect([...created, ...revoked]).toEqual([
      { kind: "token.created", actorId: owner.id, articleId: null, claimId: null, subjectId: token.id, data },
      { kind: "token.revoked", actorId: owner.id, articleId: null, claimId: null, subjectId: token.id, data },
    ]);
  });

  it("settings: one change listing each field that changed, from and to; an unchanged save records nothing", async () => {
    const { workspace, admin, access } = await world();
    const { requireSecondApprover: was } = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { requireSecondApprover: true } });
    const changed = await recorded(workspace.id, () => updateWorkspaceSettings(access, { name: "Renamed desk", requireSecondApprover: !was, verdictLabels: { en: { false: "Wrong" } } }));
    expect(changed).toEqual([
      {
        kind: "settings.changed",
        actorId: admin.id,
        articleId: null,
        claimId: null,
        subjectId: null,
        data: {
          changes: [
            { field: "name", from: workspace.name, to: "Renamed desk" },
            { field: "verdictLabels", from: {}, to: { en: { false: "Wrong" } } },
            { field: "requireSecondApprover", from: was, to: !was },
          ],
        },
      },
    ]);
    expect(await recorded(workspace.id, () => updateWorkspaceSettings(access, { name: "Renamed desk" }))).toEqual([]);
  });
});

describe("exports and imports record their changes", () => {
  it("a download records export.created with its format and filters", async () => {
    const { workspace, admin, access } = await world();
    const changes = await recorded(workspace.id, async () => {
      const res = await exportResponse(access, new URLSearchParams({ format: "csv", reviewState: "unreviewed" }));
      await res.text();
    });
    expect(changes).toEqual([
      { kind: "export.created", actorId: admin.id, articleId: null, claimId: null, subjectId: null, data: { format: "csv", filters: expect.objectContaining({ reviewState: ["unreviewed"] }), rows: null } },
    ]);
    // A refused export records nothing.
    expect(await recorded(workspace.id, () => exportResponse(access, new URLSearchParams({ format: "nope" })).catch(() => undefined))).toEqual([]);
  });

  it("a bundle import records import.completed with what it brought", async () => {
    const source = await world();
    await source.highlight("40,000 vehicles");
    const bundle = JSON.parse(await exportToString(source.access, "bundle"));
    const target = await world();
    const changes = await recorded(target.workspace.id, () => importBundle(target.access, bundle, { dryRun: false }));
    expect(changes).toEqual([
      { kind: "import.completed", actorId: target.admin.id, articleId: null, claimId: null, subjectId: null, data: { kind: "bundle", articles: 1, claims: 0, annotations: 1 } },
    ]);
  });

  it("an annotation file import records the articles it made, each plain highlight, and one import.completed", async () => {
    const { workspace, admin, access } = await world();
    const text = `Ferries ${unique("f")} run hourly on weekdays, the operator said.`;
    const line = JSON.stringify({ id: 1, text, label: [[0, 7, "ORG"], [8 + text.split(" ")[1].length + 1, text.indexOf(" on"), "FIG"]] });
    const changes = await recorded(workspace.id, () => importAnnotations(access, { content: line }, { dryRun: false }));
    const made = await db.article.findFirstOrThrow({ where: { workspaceId: workspace.id, text: { contains: text } }, select: { id: true, title: true } });
    expect(changes).toEqual([
      { kind: "article.created", actorId: admin.id, articleId: made.id, claimId: null, subjectId: null, data: { title: made.title, via: "annotations" } },
      // Plain highlights are in the feed as themselves, so open readers and webhooks hear of them.
      { kind: "annotation.created", actorId: admin.id, articleId: made.id, claimId: null, subjectId: expect.any(String), data: { annotationId: expect.any(String), exact: "Ferries", claimId: null } },
      { kind: "annotation.created", actorId: admin.id, articleId: made.id, claimId: null, subjectId: expect.any(String), data: { annotationId: expect.any(String), exact: text.slice(8 + text.split(" ")[1].length + 1, text.indexOf(" on")), claimId: null } },
      { kind: "import.completed", actorId: admin.id, articleId: null, claimId: null, subjectId: null, data: { kind: "doccano", articles: 1, claims: 0, annotations: 2 } },
    ]);
  });
});
