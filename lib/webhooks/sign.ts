import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures: `Claimtrail-Signature: t=<unix seconds>,v1=<hex>` where
 * the hex is HMAC-SHA256 with the webhook's secret over `<t>.<raw body>`.
 * The timestamp is inside the MAC so a captured delivery can't be replayed
 * later with a new time; receivers refuse an old `t` (we suggest 5 minutes).
 */
export const SIGNATURE_HEADER = "Claimtrail-Signature";
export const EVENT_HEADER = "Claimtrail-Event";
export const DELIVERY_HEADER = "Claimtrail-Delivery";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signBody(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signBody(secret, timestamp, body)}`;
}

/** What a receiver does (the README's snippet is this function): true when the header signs this body recently enough. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, t, body), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
