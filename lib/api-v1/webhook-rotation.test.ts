import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWebhookEndpoint, rotateWebhookSecretEndpoint } from "./endpoints/webhooks";
import { apiWorld, call } from "./testing";

describe("v1: rotate a webhook's secret", () => {
  it("answers the new secret once (the documented CreatedWebhook shape); admins only; an unknown webhook is not found", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws };
    const created = await call<{ id: string; secret: string }>(createWebhookEndpoint, { token: w.tokens.admin, params, body: { url: "https://hooks.example.org/rotate", kinds: ["claim.created"] } });
    expect(created.status).toBe(201);
    const rotated = await call<{ id: string; secret: string }>(rotateWebhookSecretEndpoint, { token: w.tokens.admin, params: { ...params, webhookId: created.body.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.id).toBe(created.body.id);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).secret).toBe(rotated.body.secret);
    expect((await call(rotateWebhookSecretEndpoint, { token: w.tokens.reviewer, params: { ...params, webhookId: created.body.id } })).status).toBe(403);
    expect((await call(rotateWebhookSecretEndpoint, { token: w.tokens.admin, params: { ...params, webhookId: "cnotawebhook000000000000" } })).status).toBe(404);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).secret).toBe(rotated.body.secret);
  });
});
