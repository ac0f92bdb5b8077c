import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";

/**
 * The address a request came from, for sign-in throttling.
 *
 * Next.js records the connection's address in X-Forwarded-For when the request
 * has none, and keeps the header as it is when it has one; so the last entry is
 * the connection (no proxy) or what the nearest proxy appended. `TRUST_PROXY=N`
 * says N proxies in front of Claimtrail each append the address they saw: the
 * client is then the N-th entry from the end. Entries further left were written
 * by the client and are never used. Unset, the connection's own address is used
 * (X-Claimtrail-Peer, which `npm start` writes over anything the client sent);
 * only where that header is missing (a server not started by `npm start`) is
 * the last X-Forwarded-For entry used, as for one hop.
 *
 * IPv6 addresses count by /64 (what one subscriber usually holds), so rotating
 * through one's own prefix doesn't give fresh attempts.
 */
const trustProxySchema = z.union([z.literal("true").transform(() => 1), z.coerce.number().int().min(0).max(10)]);

export function trustedProxyHops(env = process.env.TRUST_PROXY): number {
  if (env === undefined || env === "") return 0;
  const parsed = trustProxySchema.safeParse(env.trim().toLowerCase());
  if (!parsed.success) throw new Error(`TRUST_PROXY must be a number of proxies (0-10), got "${env}".`);
  return parsed.data;
}

export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** "::ffff:1.2.3.4" → "1.2.3.4", "[2001:db8::1]:443" → "2001:db8:0:0::/64", junk → null. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:([\d.]+)$/.exec(value);
  if (mapped) value = mapped[1];
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  return `${ipv6Groups(value).slice(0, 4).join(":")}::/64`;
}

function ipv6Groups(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const fill = address.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...fill, ...right].map((g) => (g.includes(".") ? g : String(parseInt(g, 16).toString(16))));
}

/** Set by the server process's preload (scripts/lib/http-timeouts.mjs) to the connection's address, over anything the client sent. */
export const PEER_HEADER = "x-claimtrail-peer";

export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string {
  // With no proxy trusted, the connection itself is the client: a client-written X-Forwarded-For counts for nothing.
  const peer = hops === 0 ? header(headers, PEER_HEADER) : undefined;
  if (peer) return normaliseAddress(peer) ?? UNKNOWN_ADDRESS;
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, hops);
  if (index < 0) return UNKNOWN_ADDRESS;
  return normaliseAddress(entries[index]) ?? UNKNOWN_ADDRESS;
}
