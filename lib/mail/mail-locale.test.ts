import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { sendDueMail } from "@/lib/mail/worker";
import { buildDueDigests } from "@/lib/notifications/digest";
import { setPreferences } from "@/lib/notifications/preferences";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { requestPasswordReset } from "@/lib/users/password-reset-mail";

/** E-mail goes out in the recipient's saved language (User.locale), English when they follow the browser. */
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const saved = { smtp: process.env.SMTP_URL, secret: process.env.NEXTAUTH_SECRET };
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-unsubscribe-links";
});
afterAll(async () => {
  process.env.SMTP_URL = saved.smtp;
  if (saved.secret === undefined) delete process.env.NEXTAUTH_SECRET;
  await sink.close();
});

async function flushMail(): Promise<void> {
  while ((await sendDueMail()) > 0);
}

let n = 0;
const address = () => `203.0.113.${++n}`;

describe("mail in the recipient's language", () => {
  it("a password reset for a Russian-preferring person is in Russian; for one following the browser, in English", async () => {
    const ru = await makeUser();
    await db.user.update({ where: { id: ru.id }, data: { locale: "ru" } });
    const en = await makeUser();
    await requestPasswordReset({ email: ru.email }, address());
    await requestPasswordReset({ email: en.email }, address());
    await flushMail();
    const russian = await sink.waitFor((m) => m.to.includes(ru.email));
    expect(russian.subject).toBe("Сброс пароля Claimtrail");
    expect(russian.text).toMatch(/^Кто-то \(надеемся, вы\) попросил сбросить пароль/);
    expect(russian.text).toMatch(/Выберите новый пароль: https?:\/\/\S+\/reset-password\?token=\S+/);
    expect(russian.text).not.toMatch(/⟦|Choose a new password/);
    const english = await sink.waitFor((m) => m.to.includes(en.email));
    expect(english.subject).toBe("Reset your Claimtrail password");
    expect(english.text).toContain("Choose a new password: ");
  });

  it("a notification e-mail and the daily digest are framed in each recipient's language", async () => {
    const { workspace, admin } = await makeWorkspace();
    const reviewer = (await makeMember(workspace.id, "reviewer")).user;
    const annotator = (await makeMember(workspace.id, "annotator")).user;
    await db.user.update({ where: { id: reviewer.id }, data: { locale: "ru" } });
    await db.user.update({ where: { id: annotator.id }, data: { locale: "uk" } });
    await setPreferences(annotator.id, { assigned: "digest" });
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: `The bridge carries 40,000 vehicles a day ${Math.random()}`, createdById: admin.id }, select: { id: true } });
    for (const to of [reviewer, annotator]) {
      await db.$transaction((tx) =>
        recordChange(tx, { kind: "claim.edited", workspaceId: workspace.id, actorId: admin.id, claimId: claim.id, data: { field: "assignee", from: null, to: { id: to.id, name: to.name } } }),
      );
    }
    await flushMail();
    const immediate = await sink.waitFor((m) => m.to.includes(reviewer.email));
    expect(immediate.subject).toMatch(/ — Claimtrail$/);
    expect(immediate.text).toContain(`Открыть: `);
    expect(immediate.text).toContain(`/w/${workspace.slug}/claims/${claim.id}`);
    expect(immediate.text).toContain("Отписаться от этих писем: ");
    expect(immediate.text).toContain("Выбрать, что получать: ");
    expect(immediate.text).toContain(`(${admin.name}).`);

    await buildDueDigests(new Date(Date.now() + 25 * 3600_000));
    await flushMail();
    const digest = await sink.waitFor((m) => m.to.includes(annotator.email));
    expect(digest.subject).toBe("Зведення Claimtrail: 1 оновлення");
    expect(digest.text).toMatch(/^Ваше зведення Claimtrail: 1 оновлення\./);
    expect(digest.text).toContain("Відписатися від щоденного зведення: ");
    expect(digest.text).not.toContain("⟦");
  });
});
