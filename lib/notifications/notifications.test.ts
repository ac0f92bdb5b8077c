import { describe, expect, it } from "vitest";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { sendDueMail } from "@/lib/mail/worker";
import { mailSuite } from "@/lib/testing/mail-suite";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { approveClaim, reopenClaim, sendBack } from "@/lib/claims/change-review-state";
import { addComment, editComment } from "@/lib/claims/comments";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { mergeClaims } from "@/lib/claims/merge-claims";
import { updateClaim } from "@/lib/claims/update-claim";
import { claimWorld } from "@/lib/claims/test-world";
import { mentionCandidates } from "@/lib/members/mention-candidates";
import { deriveDrafts } from "./derive";
import { buildDueDigests } from "./digest";
import { listInbox, markAllRead, markRead, unreadCount } from "./inbox";
import { getPreferences, setPreferences, unsubscribe } from "./preferences";

const suite = mailSuite();
const { flushMail } = suite;

async function world() {
  const { workspace, admin } = await makeWorkspace();
  const annotator = (await makeMember(workspace.id, "annotator")).user;
  const reviewer = (await makeMember(workspace.id, "reviewer")).user;
  const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: `The bridge carries 40,000 vehicles a day ${Math.random()}`, createdById: annotator.id, assigneeId: annotator.id }, select: { id: true, statement: true } });
  return { workspace, admin, annotator, reviewer, claim };
}

function assign(w: Awaited<ReturnType<typeof world>>, to: { id: string; name: string }, by: string) {
  return db.$transaction((tx) =>
    recordChange(tx, { kind: "claim.edited", workspaceId: w.workspace.id, actorId: by, claimId: w.claim.id, data: { field: "assignee", from: null, to: { id: to.id, name: to.name } } }),
  );
}

describe("notifications", () => {
  it("an assignment reaches the assignee's inbox and, at once, their mailbox, with one-click unsubscribe headers", async () => {
    const w = await world();
    await assign(w, w.reviewer, w.admin.id);
    const inbox = await listInbox(w.reviewer.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "assigned", read: false, actorName: w.admin.name, href: `/w/${w.workspace.slug}/claims/${w.claim.id}` });
    expect(inbox[0].title).toContain("You were assigned");
    // Nothing is sent inside the writer's transaction: the mail waits for the worker.
    expect(suite.sink().mails.some((m) => m.to.includes(w.reviewer.email))).toBe(false);
    await flushMail();
    const mail = await suite.sink().waitFor((m) => m.to.includes(w.reviewer.email));
    expect(mail.subject).toContain("You were assigned");
    expect(mail.text).toContain(`/w/${w.workspace.slug}/claims/${w.claim.id}`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const link = /<([^>]+)>/.exec(mail.headers["list-unsubscribe"])![1];
    const url = new URL(link);
    expect(url.pathname).toBe("/api/unsubscribe");
    expect(await unreadCount(w.reviewer.id)).toBe(1);
  });

  it("one-click unsubscribe stops that kind's e-mail (the inbox still gets it); a forged link changes nothing", async () => {
    const w = await world();
    await assign(w, w.reviewer, w.admin.id);
    await flushMail();
    const mail = await suite.sink().waitFor((m) => m.to.includes(w.reviewer.email));
    const url = new URL(/<([^>]+)>/.exec(mail.headers["list-unsubscribe"])![1]);
    const [u, k, t] = ["u", "k", "t"].map((p) => url.searchParams.get(p)!);
    await expect(unsubscribe(u, k, `${t.slice(0, -2)}xx`)).rejects.toMatchObject({ status: 400 });
    await expect(unsubscribe(w.admin.id, k, t)).rejects.toMatchObject({ status: 400 });
    expect((await getPreferences(w.reviewer.id)).assigned).toBe("immediate");
    expect(await unsubscribe(u, k, t)).toEqual({ kinds: ["assigned"] });
    expect((await getPreferences(w.reviewer.id)).assigned).toBe("in-app");
    const before = suite.sink().mails.length;
    await assign(w, w.reviewer, w.admin.id);
    await flushMail();
    expect(suite.sink().mails.length).toBe(before);
    expect(await listInbox(w.reviewer.id)).toHaveLength(2);
  });

  it("nobody is notified of their own change; non-members and 'off' get nothing", async () => {
    const w = await world();
    const outsider = await makeUser();
    await setPreferences(w.annotator.id, { approved: "off" });
    await db.$transaction(async (tx) => {
      await recordChange(tx, { kind: "claim.edited", workspaceId: w.workspace.id, actorId: w.admin.id, claimId: w.claim.id, data: { field: "assignee", from: null, to: { id: outsider.id, name: outsider.name } } });
      await recordChange(tx, { kind: "claim.edited", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, data: { field: "assignee", from: null, to: { id: w.reviewer.id, name: w.reviewer.name } } });
      await recordChange(tx, { kind: "claim.review-state", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, data: { from: "in-review", to: "approved", note: null } });
    });
    expect(await listInbox(outsider.id)).toEqual([]);
    expect(await listInbox(w.reviewer.id)).toEqual([]);
    expect(await listInbox(w.annotator.id)).toEqual([]);
  });

  it("send-back tells the claim's people with the reason; a rolled-back change leaves no notification and no mail", async () => {
    const w = await world();
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "claim.review-state", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, data: { from: "in-review", to: "unreviewed", note: "Cite the 2024 traffic count." } }),
    );
    const [item] = await listInbox(w.annotator.id);
    expect(item).toMatchObject({ kind: "sent-back", detail: "Cite the 2024 traffic count." });
    const queued = await db.mailMessage.count({ where: { to: w.annotator.email } });
    await db
      .$transaction(async (tx) => {
        await recordChange(tx, { kind: "claim.edited", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, data: { field: "assignee", from: null, to: { id: w.annotator.id, name: w.annotator.name } } });
        await recordChange(tx, { kind: "claim.review-state", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, data: { from: "in-review", to: "approved", note: null } });
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect((await listInbox(w.annotator.id)).map((n) => n.kind)).toEqual(["sent-back"]);
    expect(await db.mailMessage.count({ where: { to: w.annotator.email } })).toBe(queued);
  });

  it("mark read: one, then all; someone else's notification is not found", async () => {
    const w = await world();
    await assign(w, w.reviewer, w.admin.id);
    await assign(w, w.reviewer, w.admin.id);
    const [a] = await listInbox(w.reviewer.id);
    expect(await markRead(w.reviewer.id, a.id)).toEqual({ unread: 1 });
    await expect(markRead(w.admin.id, a.id)).rejects.toMatchObject({ status: 404 });
    expect(await markAllRead(w.reviewer.id)).toEqual({ unread: 0 });
    expect((await listInbox(w.reviewer.id)).every((n) => n.read)).toBe(true);
  });

  it("the daily digest: one e-mail per person when due, listing what came since, then nothing until more comes", async () => {
    const w = await world();
    await setPreferences(w.annotator.id, { commented: "digest", mentioned: "digest" });
    const comment = await db.claimComment.create({ data: { claimId: w.claim.id, authorId: w.reviewer.id, body: {}, bodyText: "Where is the count from?" }, select: { id: true } });
    await db.$transaction(async (tx) => {
      await recordChange(tx, { kind: "comment.created", workspaceId: w.workspace.id, actorId: w.reviewer.id, claimId: w.claim.id, subjectId: comment.id, data: { commentId: comment.id, mentioned: [] } });
    });
    const mentioning = await db.claimComment.create({ data: { claimId: w.claim.id, authorId: w.admin.id, body: {}, bodyText: "@annotator can you check?" }, select: { id: true } });
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "comment.created", workspaceId: w.workspace.id, actorId: w.admin.id, claimId: w.claim.id, subjectId: mentioning.id, data: { commentId: mentioning.id, mentioned: [w.annotator.id] } }),
    );
    expect((await listInbox(w.annotator.id)).map((n) => n.kind).sort()).toEqual(["commented", "mentioned"]);
    // The reviewer commented first, so the admin's comment reaches them too.
    expect((await listInbox(w.reviewer.id)).map((n) => n.kind)).toEqual(["commented"]);
    const { digestDueAt } = await db.user.findUniqueOrThrow({ where: { id: w.annotator.id }, select: { digestDueAt: true } });
    expect(digestDueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(digestDueAt!.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    // Not due yet: nothing.
    await buildDueDigests(new Date());
    await flushMail();
    expect(suite.sink().mails.some((m) => m.to.includes(w.annotator.email))).toBe(false);
    // Due (a day later): one digest with both.
    const later = new Date(Date.now() + 25 * 3600_000);
    await buildDueDigests(later);
    await flushMail();
    const digest = await suite.sink().waitFor((m) => m.to.includes(w.annotator.email));
    expect(digest.subject).toBe("Claimtrail digest: 2 updates");
    expect(digest.text).toContain("Where is the count from?");
    expect(digest.text).toContain("You were mentioned");
    expect(digest.headers["list-unsubscribe"]).toContain("k=digest");
    await buildDueDigests(new Date(later.getTime() + 48 * 3600_000));
    await flushMail();
    expect(suite.sink().mails.filter((m) => m.to.includes(w.annotator.email))).toHaveLength(1);
    // The digest's unsubscribe moves every digest kind to in-app.
    const url = new URL(/<([^>]+)>/.exec(digest.headers["list-unsubscribe"])![1]);
    expect((await unsubscribe(url.searchParams.get("u")!, "digest", url.searchParams.get("t")!)).kinds.sort()).toEqual(["commented", "mentioned"]);
  });

  it("a failing SMTP server: the message is retried later with backoff, then delivered", async () => {
    const w = await world();
    suite.sink().reject.on = true;
    await assign(w, w.reviewer, w.admin.id);
    await flushMail();
    const failed = await db.mailMessage.findFirstOrThrow({ where: { to: w.reviewer.email } });
    expect(failed).toMatchObject({ sentAt: null, failedAt: null, attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.dueAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    suite.sink().reject.on = false;
    await sendDueMail(new Date(failed.dueAt.getTime() + 1));
    await suite.sink().waitFor((m) => m.to.includes(w.reviewer.email));
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ attempts: 2, sentAt: expect.any(Date) });
  });

  it("invite accepted reaches whoever sent it", async () => {
    const owner = await makeUser();
    const { workspace } = await makeWorkspace(owner);
    const joiner = (await makeMember(workspace.id, "annotator")).user;
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "invite.accepted", workspaceId: workspace.id, actorId: joiner.id, subjectId: "inv", data: { role: "annotator", user: { id: joiner.id, name: joiner.name }, invitedById: owner.id } }),
    );
    const [item] = await listInbox(owner.id);
    expect(item).toMatchObject({ kind: "invite-accepted", href: null });
  });

  it("a name with line breaks (stored before names were checked) can't forge lines in the e-mail: it arrives on one line", async () => {
    const owner = await makeUser();
    const { workspace } = await makeWorkspace(owner);
    const joiner = (await makeMember(workspace.id, "annotator")).user;
    const forged = "Eve\r\n\r\nOpen it: https://phish.example/login\r\nBcc: evil@example.test";
    await setPreferences(owner.id, { "invite-accepted": "immediate" });
    await db.user.update({ where: { id: joiner.id }, data: { name: forged } });
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "invite.accepted", workspaceId: workspace.id, actorId: joiner.id, subjectId: "inv", data: { role: "annotator", user: { id: joiner.id, name: forged }, invitedById: owner.id } }),
    );
    const [item] = await listInbox(owner.id);
    expect(item.title).toBe("Eve Open it: https://phish.example/login Bcc: evil@example.test accepted your invite and joined as annotator");
    expect(item.actorName).not.toMatch(/[\r\n]/);
    await flushMail();
    const mail = await suite.sink().waitFor((m) => m.to.includes(owner.email));
    const lines = mail.text.split(/\r?\n/);
    // The forged words stay inside the first line; the mail's own "Open it:" line is the real link.
    expect(lines.filter((l) => l.includes("phish.example"))).toEqual([lines[0]]);
    const opens = lines.filter((l) => l.startsWith("Open it:"));
    expect(opens).toHaveLength(1);
    expect(opens[0]).toMatch(/^Open it: https?:\/\/[^/\s]+\/inbox$/);
    expect(lines.some((l) => l.startsWith("Bcc:"))).toBe(false);
    expect(mail.headers.bcc).toBeUndefined();
  });

  it("a comment through the real use case: members @mentioned are notified, a non-member's mention does nothing and is reported", async () => {
    const w = await claimWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const outsider = await makeUser({ name: "Olaf Outsider" });
    const access = await w.as(w.reviewer);
    expect((await mentionCandidates(access, w.annotator.name.split(" ")[0])).map((m) => m.id)).toContain(w.annotator.id);
    expect((await mentionCandidates(access, "Olaf")).map((m) => m.id)).not.toContain(outsider.id);
    const body = {
      type: "doc" as const,
      content: [
        {
          type: "paragraph",
          content: [
            { type: "mention", attrs: { id: w.admin.id, label: w.admin.name } },
            { type: "text", text: " and " },
            { type: "mention", attrs: { id: outsider.id, label: outsider.name } },
            { type: "text", text: ", please check the count." },
          ],
        },
      ],
    };
    const answer = await addComment(access, c.id, { body });
    expect(answer.mentionsIgnored).toEqual(["Olaf Outsider"]);
    expect(answer.bodyText).toBe(`@${w.admin.name} and @Olaf Outsider, please check the count.`);
    const change = await db.change.findFirstOrThrow({ where: { kind: "comment.created", subjectId: answer.id } });
    expect(change.data).toMatchObject({ mentioned: [w.admin.id] });
    expect((await listInbox(w.admin.id)).map((n) => n.kind)).toEqual(["mentioned"]);
    expect(await listInbox(outsider.id)).toEqual([]);
    // The claim's creator (the annotator) hears of the comment too.
    expect((await listInbox(w.annotator.id)).map((n) => n.kind)).toEqual(["commented"]);
  });

  it("through the real use cases: assigning, sending back (with the reason), approving and reopening reach the claim's people", async () => {
    const w = await claimWorld();
    let c = await w.claim("cost them a third of their customers");
    const admin = await w.as(w.admin);
    c = await updateClaim(admin, c.id, { assigneeId: w.reviewer.id, version: c.version });
    expect((await listInbox(w.reviewer.id)).map((n) => n.kind)).toEqual(["assigned"]);
    c = await updateClaim(admin, c.id, { assigneeId: null, version: c.version });
    c = await w.readyForApproval(c);
    const reviewer = await w.as(w.reviewer);
    c = await sendBack(reviewer, c.id, { version: c.version, note: "Which survey says a third?" });
    const [back] = await listInbox(w.annotator.id);
    expect(back).toMatchObject({ kind: "sent-back", detail: "Which survey says a third?", actorName: w.reviewer.name });
    c = await w.readyForApproval(c);
    c = await approveClaim(reviewer, c.id, { version: c.version });
    await reopenClaim(reviewer, c.id, { version: c.version, note: "New figures came out." });
    expect((await listInbox(w.annotator.id)).map((n) => n.kind)).toEqual(["reopened", "approved", "sent-back"]);
  });

  it("merging and deleting a claim tell its assignee and its author, not whoever did it", async () => {
    const w = await claimWorld();
    const survivor = await w.claim("about 40,000 vehicles a day");
    let merged = await w.claim("cost them a third of their customers");
    const admin = await w.as(w.admin);
    merged = await updateClaim(admin, merged.id, { assigneeId: w.viewer.id, version: merged.version });
    const reviewer = await w.as(w.reviewer);
    await mergeClaims(reviewer, survivor.id, { from: merged.id, version: survivor.version });
    for (const person of [w.annotator, w.viewer]) {
      const [item] = (await listInbox(person.id)).filter((n) => n.kind === "merged");
      expect(item, person.name).toMatchObject({ kind: "merged", actorName: w.reviewer.name });
      expect(item.title).toContain("cost them a third of their customers");
      expect(item.title).toContain("was merged into");
      expect(item.title).toContain("about 40,000 vehicles a day");
    }
    expect((await listInbox(w.reviewer.id)).filter((n) => n.kind === "merged")).toEqual([]);

    const doomed = await w.claim("expected to cost €12 million");
    const doomedNow = await updateClaim(admin, doomed.id, { assigneeId: w.reviewer.id, version: doomed.version });
    await deleteClaim(admin, doomed.id, { version: doomedNow.version });
    for (const person of [w.annotator, w.reviewer]) {
      const deleted = (await listInbox(person.id)).filter((n) => n.kind === "deleted");
      expect(deleted, person.name).toHaveLength(1);
      expect(deleted[0]).toMatchObject({ actorName: w.admin.name, href: `/w/${w.workspace.slug}/claims/${doomed.id}` });
      expect(deleted[0].title).toContain("expected to cost €12 million");
      expect(deleted[0].title).toContain("was deleted");
    }
    expect((await listInbox(w.admin.id)).filter((n) => n.kind === "deleted")).toEqual([]);
  });

  it("a comment's direction controls (U+202E…) are left out of the notification's quote, so nothing after them is drawn reversed (finding T6)", async () => {
    const w = await claimWorld();
    const c = await w.claim("Unemployment fell to 4.1 percent");
    const body = {
      type: "doc" as const,
      content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: w.admin.id, label: w.admin.name } }, { type: "text", text: " Проверьте \u202Eзеркало\u2066 и это\u2069, שלום" }] }],
    };
    await addComment(await w.as(w.reviewer), c.id, { body });
    const [told] = await listInbox(w.admin.id);
    expect(told.kind).toBe("mentioned");
    expect(told.detail).toContain("Проверьте зеркало и это, שלום");
    expect(told.detail).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it("editing a comment to @mention more members tells only the newly mentioned, once; the edit's other changes tell nobody", async () => {
    const w = await claimWorld();
    const c = await w.claim("Unemployment fell to 4.1 percent");
    const second = await makeMember(w.workspace.id, "annotator");
    const outsider = await makeUser({ name: "Olaf Outsider" });
    const mention = (u: { id: string; name: string }) => ({ type: "mention", attrs: { id: u.id, label: u.name } });
    const doc = (...mentions: { id: string; name: string }[]) => ({
      type: "doc" as const,
      content: [{ type: "paragraph", content: [...mentions.flatMap((u) => [mention(u), { type: "text", text: " " }]), { type: "text", text: `please check the rate ${mentions.length}.` }] }],
    });
    const reviewer = await w.as(w.reviewer);
    const comment = await addComment(reviewer, c.id, { body: doc(w.admin) });
    expect((await listInbox(w.admin.id)).map((n) => n.kind)).toEqual(["mentioned"]);

    // The edit adds a member and a non-member: the admin (mentioned already) hears nothing new, the new member does, the outsider nothing.
    await editComment(reviewer, c.id, comment.id, { body: doc(w.admin, second.user, outsider) });
    expect((await listInbox(w.admin.id)).map((n) => n.kind)).toEqual(["mentioned"]);
    const [told] = await listInbox(second.user.id);
    expect(told).toMatchObject({ kind: "mentioned", actorName: w.reviewer.name });
    expect(told.detail).toContain("please check the rate 3.");
    expect(await listInbox(outsider.id)).toEqual([]);
    const change = await db.change.findFirstOrThrow({ where: { kind: "comment.edited", claimId: c.id }, orderBy: { id: "desc" } });
    const data = change.data as { mentioned: string[]; newlyMentioned: string[] };
    expect(data.mentioned.sort()).toEqual([w.admin.id, second.user.id].sort());
    expect(data.newlyMentioned).toEqual([second.user.id]);

    // Editing again with the same people mentioned tells nobody; the claim's author isn't told of edits either.
    await editComment(reviewer, c.id, comment.id, { body: doc(second.user, w.admin) });
    expect(await listInbox(second.user.id)).toHaveLength(1);
    expect((await listInbox(w.admin.id)).map((n) => n.kind)).toEqual(["mentioned"]);
    expect((await listInbox(w.annotator.id)).map((n) => n.kind)).toEqual(["commented"]);
    // Dropping a mention and adding it back is a new mention.
    await editComment(reviewer, c.id, comment.id, { body: doc(w.admin) });
    await editComment(reviewer, c.id, comment.id, { body: doc(w.admin, second.user) });
    expect(await listInbox(second.user.id)).toHaveLength(2);
  });

  it("the hot path: kinds that tell nobody cost no query; a batch reads claims, comment texts and commenters once each", async () => {
    const w = await world();
    const other = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Another claim", createdById: w.annotator.id }, select: { id: true } });
    const comments = await Promise.all(
      [w.claim.id, other.id, w.claim.id].map((claimId, i) => db.claimComment.create({ data: { claimId, authorId: w.reviewer.id, body: {}, bodyText: `Comment ${i}` }, select: { id: true, claimId: true } })),
    );
    /** The transaction, counting each model call (each is one query). */
    const counted = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], calls: string[]) =>
      new Proxy(tx, {
        get(target, model: string) {
          const delegate = (target as unknown as Record<string, unknown>)[model];
          if (!delegate || typeof delegate !== "object") return delegate;
          return new Proxy(delegate, {
            get(d, method: string) {
              const fn = (d as Record<string, unknown>)[method];
              return typeof fn === "function" ? (...args: unknown[]) => (calls.push(`${model}.${method}`), (fn as (...a: unknown[]) => unknown).apply(d, args)) : fn;
            },
          });
        },
      });
    const base = { workspaceId: w.workspace.id, actorId: w.admin.id };
    await db.$transaction(async (tx) => {
      const calls: string[] = [];
      // Nobody is told of these: not one read.
      const quiet = await deriveDrafts(counted(tx, calls), [
        { ...base, kind: "claim.edited", claimId: w.claim.id, data: { field: "statement", from: "a", to: "b" } },
        { ...base, kind: "settings.changed", data: { changes: [{ field: "name", from: 1, to: 2 }] } },
        { ...base, kind: "comment.edited", claimId: w.claim.id, subjectId: comments[0].id, data: { commentId: comments[0].id, mentioned: [w.admin.id], newlyMentioned: [] } },
        { ...base, kind: "comment.deleted", claimId: w.claim.id, subjectId: comments[0].id, data: { commentId: comments[0].id } },
      ] as Parameters<typeof deriveDrafts>[1]);
      expect(quiet).toEqual([]);
      expect(calls).toEqual([]);
      // Three comments on two claims: one read of the claims, one of the comments' texts, one of the commenters.
      const drafts = await deriveDrafts(
        counted(tx, calls),
        comments.map((c) => ({ ...base, actorId: w.reviewer.id, kind: "comment.created" as const, claimId: c.claimId, subjectId: c.id, data: { commentId: c.id, mentioned: [] } })),
      );
      expect(calls.sort()).toEqual(["claim.findMany", "claimComment.findMany", "claimComment.findMany"]);
      expect(drafts.filter((d) => d.kind === "commented" && d.userId === w.annotator.id).map((d) => d.detail)).toEqual(["Comment 0", "Comment 1", "Comment 2"]);
    });
  });
});
