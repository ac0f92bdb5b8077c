import { describe, expect, it } from "vitest";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { buildDueDigests } from "@/lib/notifications/digest";
import { pageInbox } from "@/lib/notifications/inbox";
import { catalogueTranslatorFor } from "@/lib/i18n/translator";
import { setPreferences } from "@/lib/notifications/preferences";
import { mailSuite } from "@/lib/testing/mail-suite";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { requestPasswordReset } from "@/lib/users/password-reset-mail";
import * as resetRoute from "@/app/api/password-reset/route";

/** E-mail goes out in the recipient's saved language (User.locale); a password reset for someone who saved none, in the request's. */
const suite = mailSuite();
const { flushMail } = suite;

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
    const russian = await suite.sink().waitFor((m) => m.to.includes(ru.email));
    expect(russian.subject).toBe("Сброс пароля Claimtrail");
    expect(russian.text).toMatch(/^Кто-то \(надеемся, вы\) попросил сбросить пароль/);
    expect(russian.text).toMatch(/Выберите новый пароль: https?:\/\/\S+\/reset-password\?token=\S+/);
    expect(russian.text).not.toMatch(/⟦|Choose a new password/);
    const english = await suite.sink().waitFor((m) => m.to.includes(en.email));
    expect(english.subject).toBe("Reset your Claimtrail password");
    expect(english.text).toContain("Choose a new password: ");
  });

  it("a password reset for someone who saved no language is in the language of the request: its cookie, else Accept-Language", async () => {
    const [byHeader, byCookie, saved, neither] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
    await db.user.update({ where: { id: saved.id }, data: { locale: "en" } });
    const ask = (email: string, headers: Record<string, string>) =>
      resetRoute.POST(new Request("http://localhost/api/password-reset", { method: "POST", headers: { "content-type": "application/json", "x-claimtrail-peer": address(), ...headers }, body: JSON.stringify({ email }) }), {
        params: Promise.resolve({}),
      });
    for (const [who, headers] of [
      [byHeader, { "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" }],
      [byCookie, { cookie: "claimtrail-locale=ru", "accept-language": "uk-UA" }],
      [saved, { "accept-language": "ru" }],
      [neither, { "accept-language": "be, de;q=0.8" }],
    ] as const) {
      expect((await ask(who.email, headers)).status).toBe(202);
    }
    await flushMail();
    const uk = await suite.sink().waitFor((m) => m.to.includes(byHeader.email));
    expect(uk.subject).toBe("Скидання пароля Claimtrail");
    expect(uk.text).toMatch(/https?:\/\/\S+\/reset-password\?token=\S+/);
    expect(uk.text).not.toMatch(/⟦|Choose a new password/);
    expect((await suite.sink().waitFor((m) => m.to.includes(byCookie.email))).subject).toBe("Сброс пароля Claimtrail");
    // A saved choice wins over the request (English saved, asked from a Russian browser); no language of ours: English.
    expect((await suite.sink().waitFor((m) => m.to.includes(saved.email))).subject).toBe("Reset your Claimtrail password");
    expect((await suite.sink().waitFor((m) => m.to.includes(neither.email))).subject).toBe("Reset your Claimtrail password");
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
    const immediate = await suite.sink().waitFor((m) => m.to.includes(reviewer.email));
    expect(immediate.subject).toMatch(/ — Claimtrail$/);
    expect(immediate.text).toContain(`Открыть: `);
    expect(immediate.text).toContain(`/w/${workspace.slug}/claims/${claim.id}`);
    expect(immediate.text).toContain("Отписаться от этих писем: ");
    expect(immediate.text).toContain("Выбрать, что получать: ");
    expect(immediate.text).toContain(`(${admin.name}).`);
    // The title itself, not only its frame, and the kind named in the footer.
    expect(immediate.subject).toMatch(/^Вам назначено утверждение «The bridge carries 40,000 vehicles a day [\d.]+» — Claimtrail$/);
    expect(immediate.text).toContain("(Вам назначено утверждение)");
    expect(immediate.text).not.toMatch(/You were assigned|A claim was assigned/);

    await buildDueDigests(new Date(Date.now() + 25 * 3600_000));
    await flushMail();
    const digest = await suite.sink().waitFor((m) => m.to.includes(annotator.email));
    expect(digest.subject).toBe("Зведення Claimtrail: 1 оновлення");
    expect(digest.text).toMatch(/^Ваше зведення Claimtrail: 1 оновлення\./);
    expect(digest.text).toContain("Відписатися від щоденного зведення: ");
    expect(digest.text).toMatch(/^- \[.+\] Вам призначено твердження «The bridge carries 40,000 vehicles a day [\d.]+» \(.+\)$/m);
    expect(digest.text).toContain("Відписатися від листів «Вам призначено твердження»: ");
    expect(digest.text).not.toMatch(/⟦|You were assigned|A claim was assigned/);
  });

  it("the inbox shows each title in the reader's language from what it is made of; a row from before keeps its English", async () => {
    const { workspace, admin } = await makeWorkspace();
    const reader = (await makeMember(workspace.id, "annotator")).user;
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Grain exports   fell\nby half", createdById: reader.id }, select: { id: true } });
    await db.$transaction((tx) => recordChange(tx, { kind: "claim.deleted", workspaceId: workspace.id, actorId: admin.id, claimId: claim.id, data: { mentionIds: [] } }));
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "invite.accepted", workspaceId: workspace.id, actorId: admin.id, subjectId: "inv", data: { role: "reviewer", user: { id: admin.id, name: "Оксана" }, invitedById: reader.id } }),
    );
    const change = await db.change.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
    await db.notification.create({ data: { userId: reader.id, workspaceId: workspace.id, kind: "approved", changeId: change.id, title: "“Old row” was approved", createdAt: new Date(Date.now() - 60_000) } });

    const titles = async (locale: "en" | "ru" | "uk") => (await pageInbox(reader.id, { words: await catalogueTranslatorFor(locale) })).items.map((i) => i.title);
    expect(await titles("ru")).toEqual(["Оксана: ваше приглашение принято, роль — Рецензент", "Утверждение «Grain exports fell by half» удалено", "“Old row” was approved"]);
    expect(await titles("uk")).toEqual(["Оксана: ваше запрошення прийнято, роль — Рецензент", "Твердження «Grain exports fell by half» видалено", "“Old row” was approved"]);
    expect(await titles("en")).toEqual(["Оксана accepted your invite and joined as Reviewer", "“Grain exports fell by half” was deleted", "“Old row” was approved"]);
    // Without a reader's catalogue (the REST API), the English written when it happened.
    expect((await pageInbox(reader.id)).items.map((i) => i.title)).toEqual(["Оксана accepted your invite and joined as reviewer", "“Grain exports fell by half” was deleted", "“Old row” was approved"]);
  });
});
