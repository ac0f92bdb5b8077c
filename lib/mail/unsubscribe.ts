import { createHmac, timingSafeEqual } from "node:crypto";
import { publicUrl } from "@/lib/http/public-url";

/**
 * One-click unsubscribe links: the person and the kind, signed with an HMAC
 * of the auth secret, so they work signed out and can't be forged for
 * someone else. `kind` is a notification kind, or "digest" for every kind
 * that comes in the daily digest.
 */
function key(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links can't be signed.");
  return `unsubscribe:${secret}`;
}

export function unsubscribeSignature(userId: string, kind: string): string {
  return createHmac("sha256", key()).update(`${userId}\n${kind}`).digest("base64url");
}

export function verifyUnsubscribe(userId: string, kind: string, signature: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(userId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function query(userId: string, kind: string): string {
  return new URLSearchParams({ u: userId, k: kind, t: unsubscribeSignature(userId, kind) }).toString();
}

/** The page a person opens from the mail's footer (asks before changing anything: link scanners open links too). */
export function unsubscribePageUrl(userId: string, kind: string): string {
  return publicUrl(`/unsubscribe?${query(userId, kind)}`);
}

/** The RFC 8058 one-click endpoint mail clients POST to. */
export function unsubscribeHeaders(userId: string, kind: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${publicUrl(`/api/unsubscribe?${query(userId, kind)}`)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
