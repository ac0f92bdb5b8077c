import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { DomainError, said, type Said } from "@/lib/errors";

/**
 * Fetching a page someone pasted, without letting them reach what the server
 * can reach: only http(s); every hostname resolved here and each address
 * checked before connecting, and the connection made to exactly that address
 * (so a second DNS answer can't swap in a private one); every redirect checked
 * again; a time limit over the whole exchange; a size limit counted as the body
 * streams in (after decompression); HTML only.
 */

/** Why a URL could not be imported; the UI and API show one message per kind. */
export type UrlErrorKind = "invalid-url" | "refused-address" | "unreachable" | "timeout" | "not-found" | "http-error" | "too-many-redirects" | "not-html" | "too-big" | "empty";

export class UrlImportError extends DomainError {
  /** The reason's machine code and the values it names, for the reader's language (lib/http/error-codes.ts). */
  readonly said: Said;

  constructor(
    readonly kind: UrlErrorKind,
    message: Said,
    readonly url: string,
  ) {
    super(kind === "invalid-url" ? 400 : 422, message, { url: message }, { kind, url });
    this.said = message;
  }
}

export interface FetchedPage {
  /** The address asked for. */
  url: string;
  /** Where the page was found after redirects. */
  finalUrl: string;
  html: string;
}

export interface FetchOptions {
  /** The whole exchange, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** host or host:port entries allowed even on private addresses; default IMPORT_ALLOW_HOSTS. */
  allowHosts?: string[];
}

export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

/** IMPORT_ALLOW_HOSTS: a comma list of host or host:port. */
export function allowedHostsFromEnv(env: string | undefined = process.env.IMPORT_ALLOW_HOSTS): string[] {
  return (env ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

// Everything that is not the public internet: RFC 6890 special-purpose blocks, cloud metadata included (169.254/16, fd00::/8).
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0];
  const dotted = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  return tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
}

/** An IPv4 address carried in IPv6 as IPv4-mapped (::ffff:a.b.c.d) or the old IPv4-compatible form (::a.b.c.d). */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (g.slice(0, 5).some((x) => x !== 0) || (g[5] !== 0 && g[5] !== 0xffff)) return null;
  if (g[5] === 0 && g[6] === 0) return null; // :: and ::1 are IPv6's own
  return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
}

/** True for loopback, private, link-local, shared, metadata, documentation, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address);
  if (v4) return blocked.check(v4, "ipv4");
  return blocked.check(address, "ipv6");
}

/** Whether the URL's host (or host:port) is on the allow-list, which lifts the private-address refusal. */
export function hostAllowed(url: URL, allow: string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allow.some((entry) => {
    const bare = entry.replace(/^\[|\]$/g, "");
    if (bare === host) return true;
    const m = entry.match(/^\[?(.+?)\]?:(\d+)$/);
    return !!m && m[1] === host && m[2] === port;
  });
}

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new UrlImportError("invalid-url", said("url_not_address", "This is not a web address. Use a full http:// or https:// address."), raw);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UrlImportError("invalid-url", said("url_scheme", "Only http:// and https:// addresses can be imported."), raw);
  }
  if (url.username || url.password) throw new UrlImportError("invalid-url", said("url_credentials", "Leave user names and passwords out of the address."), raw);
  return url;
}

/** 169.254.0.0/16 and fe80::/10 (and AWS's IPv6 metadata address): never a page, only a machine's own services. */
function isLinkLocal(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, "");
  return /^169\.254\./.test(a) || /^fe[89ab][0-9a-f]:/.test(a) || a === "fd00:ec2::254";
}

/** Resolves the host and picks an address it may connect to (also used by webhook deliveries, lib/webhooks/send.ts). */
export async function checkedAddress(url: URL, allow: string[], original: string): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch {
      throw new UrlImportError("unreachable", said("url_no_dns", `The server ${host} could not be found (no DNS answer).`, { host }), original);
    }
  }
  if (hostAllowed(url, allow)) return addresses[0];
  // Any private answer refuses the host: picking a public one would let a name mix both and hope.
  if (!addresses.length || addresses.some((a) => isPrivateAddress(a.address))) {
    // Say how to allow it: a newsroom's intranet or a test server is a legitimate source an admin may opt into.
    // Not for link-local addresses (169.254.169.254 is the cloud metadata service): no page lives there.
    if (addresses.some((a) => isLinkLocal(a.address))) {
      throw new UrlImportError("refused-address", said("url_link_local", `${host} points to a link-local address (such as a cloud metadata service); Claimtrail never fetches those.`, { host }), original);
    }
    const entry = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    throw new UrlImportError(
      "refused-address",
      said(
        "url_private_address",
        `${host} points to a private or local address; Claimtrail does not fetch those. To allow this host, an administrator adds it to IMPORT_ALLOW_HOSTS (comma-separated host or host:port, e.g. IMPORT_ALLOW_HOSTS=${entry}) in the server's environment, or before the CLI command.`,
        { host, entry },
      ),
      original,
    );
  }
  return addresses[0];
}

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

function request(url: URL, target: { address: string; family: number }, signal: AbortSignal): Promise<Exchange> {
  // The socket goes to the address checked above, whatever DNS would say now; TLS still checks the certificate for the host name.
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  const mod = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        agent: false,
        headers: {
          "user-agent": "Claimtrail article import (+https://github.com/claimtrail)",
          accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
    );
    req.on("error", reject);
    req.end();
  });
}

function decompressed(ex: Exchange): Readable {
  const enc = String(ex.headers["content-encoding"] ?? "").toLowerCase().trim();
  if (enc === "gzip" || enc === "x-gzip") return ex.body.pipe(zlib.createGunzip());
  if (enc === "deflate") return ex.body.pipe(zlib.createInflate());
  if (enc === "br") return ex.body.pipe(zlib.createBrotliDecompress());
  return ex.body;
}

async function readLimited(stream: Readable, maxBytes: number, original: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw new UrlImportError("too-big", said("url_too_big", `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { mb: Math.round(maxBytes / 1024 / 1024) }), original);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The charset from Content-Type, else from a <meta> in the first 1,024 bytes, else UTF-8. */
function decode(bytes: Buffer, contentType: string): string {
  const declared = contentType.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1] ?? bytes.subarray(0, 1024).toString("latin1").match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  try {
    const decoder = new TextDecoder(declared ?? "utf-8");
    // WHATWG reads every Latin-1 label as windows-1252, but Node 20's decoder maps 0x80–0x9F to C1 controls (curly quotes become garbage).
    return decoder.encoding === "windows-1252" ? decoder.decode(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80] || c) : decoder.decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

const WINDOWS_1252 = "\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178"
  .split("")
  .map((c) => (c === "\0" ? "" : c));

const HTML_TYPES = ["text/html", "application/xhtml+xml"];

function failure(err: unknown, original: string, signal: AbortSignal, timeoutMs: number): unknown {
  if (err instanceof UrlImportError) return err;
  if (signal.aborted) return new UrlImportError("timeout", said("url_timeout", `The page did not arrive within ${Math.round(timeoutMs / 1000)} seconds.`, { seconds: Math.round(timeoutMs / 1000) }), original);
  const code = (err as { code?: string }).code ?? "";
  const [why, reason] =
    code === "ECONNREFUSED"
      ? ["the connection was refused", "refused"]
      : code.startsWith("ERR_TLS") || code.includes("CERT")
        ? ["its certificate is not valid", "certificate"]
        : ["the connection failed", "failed"];
  return new UrlImportError("unreachable", said("url_unreachable", `The server could not be reached: ${why}.`, { reason }), original);
}

/** Fetches one HTML page under the rules above; throws UrlImportError with a kind and a sentence a person can act on. */
export async function fetchPage(raw: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const original = raw.trim();
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_PAGE_BYTES;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const allow = opts.allowHosts ?? allowedHostsFromEnv();
  let url = parseUrl(original);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const target = await checkedAddress(url, allow, original);
      if (controller.signal.aborted) throw new Error("aborted");
      const ex = await request(url, target, controller.signal);
      if ([301, 302, 303, 307, 308].includes(ex.status) && ex.headers.location) {
        ex.body.resume();
        if (hop >= maxRedirects) throw new UrlImportError("too-many-redirects", said("url_redirects", `The page redirects more than ${maxRedirects} times.`, { count: maxRedirects }), original);
        url = parseUrl(ex.headers.location, url.href);
        continue;
      }
      if (ex.status === 404 || ex.status === 410) {
        ex.body.resume();
        throw new UrlImportError("not-found", said("url_not_found", `There is no page at this address (HTTP ${ex.status}).`, { status: ex.status }), original);
      }
      if (ex.status < 200 || ex.status >= 300) {
        ex.body.resume();
        const paywall = ex.status === 401 || ex.status === 402 || ex.status === 403;
        throw new UrlImportError(
          "http-error",
          paywall
            ? said("url_refused_paywall", `The site refused to show the page (HTTP ${ex.status}): it may be behind a paywall or a sign-in.`, { status: ex.status })
            : said("url_http_error", `The site answered with an error (HTTP ${ex.status}).`, { status: ex.status }),
          original,
        );
      }
      const type = String(ex.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      if (!HTML_TYPES.includes(type)) {
        ex.body.resume();
        throw new UrlImportError("not-html", said("url_not_html", `This is not a web page (${type || "no content type"}); only HTML pages can be imported by address.`, { type: type || "-" }), original);
      }
      const length = Number(ex.headers["content-length"]);
      if (Number.isFinite(length) && length > maxBytes) {
        ex.body.destroy();
        throw new UrlImportError("too-big", said("url_too_big", `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { mb: Math.round(maxBytes / 1024 / 1024) }), original);
      }
      const bytes = await readLimited(decompressed(ex), maxBytes, original);
      return { url: original, finalUrl: url.href, html: decode(bytes, String(ex.headers["content-type"] ?? "")) };
    }
  } catch (err) {
    throw failure(err, original, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
