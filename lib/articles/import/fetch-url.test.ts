import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPageServer, type PageServer } from "@/lib/testing/page-server";
import { fetchPage, isPrivateAddress, UrlImportError } from "./fetch-url";

let site: PageServer;
let other: PageServer;

beforeAll(async () => {
  other = await startPageServer({ "/secret": { body: "<p>internal</p>" } });
  site = await startPageServer({
    "/page": { body: "<html><body><p>Hello</p></body></html>" },
    "/latin1": { type: "text/html; charset=iso-8859-1", body: Buffer.from("<p>Caf\xe9</p>", "latin1") },
    "/meta-charset": { type: "text/html", body: Buffer.from('<meta charset="windows-1252"><p>\x93quoted\x94</p>', "latin1") },
    "/gzip": { headers: { "content-encoding": "gzip" }, body: zlib.gzipSync("<p>zipped</p>") },
    "/r1": { status: 301, headers: { location: "/r2" } },
    "/r2": { status: 302, headers: { location: "/page" } },
    "/loop": { status: 302, headers: { location: "/loop" } },
    "/to-other": (_req, res) => res.writeHead(302, { location: `${other.origin}/secret` }).end(),
    "/to-metadata": { status: 307, headers: { location: "http://169.254.169.254/latest/meta-data/" } },
    "/to-ftp": { status: 302, headers: { location: "ftp://example.org/x" } },
    "/gone": { status: 410 },
    "/paywall": { status: 402, body: "<p>Subscribe</p>" },
    "/error": { status: 500 },
    "/pdf": { type: "application/pdf", body: "%PDF-1.4" },
    "/json": { type: "application/json", body: "{}" },
    "/no-type": (_req, res) => {
      res.removeHeader("content-type");
      res.writeHead(200).end("<p>x</p>");
    },
    "/huge-declared": { headers: { "content-length": String(6 * 1024 * 1024) }, body: "" },
    "/huge-streamed": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = "<p>" + "x".repeat(64 * 1024) + "</p>";
      let sent = 0;
      const pump = () => {
        while (sent < 200) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    },
    "/gzip-bomb": { headers: { "content-encoding": "gzip" }, body: zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)) },
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>start");
      // Never ends: the fetch's time limit must end it.
    },
  });
});

afterAll(async () => {
  await site.close();
  await other.close();
});

async function failure(url: string, opts: Parameters<typeof fetchPage>[1] = {}): Promise<UrlImportError> {
  const err = await fetchPage(url, { allowHosts: [site.host], ...opts }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UrlImportError);
  return err as UrlImportError;
}

describe("fetchPage", () => {
  it("fetches an allowed loopback page and follows redirects to it", async () => {
    const page = await fetchPage(`${site.origin}/r1`, { allowHosts: [site.host] });
    expect(page).toEqual({ url: `${site.origin}/r1`, finalUrl: `${site.origin}/page`, html: "<html><body><p>Hello</p></body></html>" });
  });

  it("decodes the declared charset, a <meta> charset and gzip", async () => {
    expect((await fetchPage(`${site.origin}/latin1`, { allowHosts: [site.host] })).html).toBe("<p>Café</p>");
    expect((await fetchPage(`${site.origin}/meta-charset`, { allowHosts: [site.host] })).html).toContain("\u201cquoted\u201d");
    expect((await fetchPage(`${site.origin}/gzip`, { allowHosts: [site.host] })).html).toBe("<p>zipped</p>");
  });

  it("refuses loopback, private and metadata addresses unless the host is allowed", async () => {
    for (const url of [`${site.origin}/page`, "http://localhost:1/", "http://[::1]:1/", "http://169.254.169.254/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd00::1]/"]) {
      const err = await failure(url, { allowHosts: [] });
      expect(err.kind, url).toBe("refused-address");
      expect(err.status).toBe(422);
    }
  });

  it("re-checks every redirect: to a host not allowed, to the metadata address, to another scheme", async () => {
    expect((await failure(`${site.origin}/to-other`)).kind).toBe("refused-address");
    expect(other.hits.get("/secret")).toBeUndefined();
    const metadata = await failure(`${site.origin}/to-metadata`);
    expect(metadata.kind).toBe("refused-address");
    // No hint to allow it: a metadata service is never a page (a black-box tester's finding).
    expect(metadata.message).not.toContain("IMPORT_ALLOW_HOSTS");
    expect(metadata.message).toContain("link-local");
    // A private intranet host does get the hint.
    expect((await failure("http://10.0.0.1:1/", { allowHosts: [] })).message).toContain("IMPORT_ALLOW_HOSTS");
    expect((await failure(`${site.origin}/to-ftp`)).kind).toBe("invalid-url");
  });

  it("limits redirects", async () => {
    const err = await failure(`${site.origin}/loop`);
    expect(err.kind).toBe("too-many-redirects");
    expect(site.hits.get("/loop")).toBe(6);
  });

  it("names not found, paywalls, server errors and what is not HTML", async () => {
    expect((await failure(`${site.origin}/missing`)).kind).toBe("not-found");
    expect((await failure(`${site.origin}/gone`)).kind).toBe("not-found");
    const paywall = await failure(`${site.origin}/paywall`);
    expect(paywall).toMatchObject({ kind: "http-error", message: expect.stringContaining("paywall") });
    expect((await failure(`${site.origin}/error`)).message).toContain("HTTP 500");
    for (const path of ["/pdf", "/json", "/no-type"]) expect((await failure(`${site.origin}${path}`)).kind, path).toBe("not-html");
    expect((await failure(`${site.origin}/pdf`)).message).toContain("application/pdf");
  });

  it("stops at the size limit, declared or streamed, compressed or not", async () => {
    for (const path of ["/huge-declared", "/huge-streamed", "/gzip-bomb"]) expect((await failure(`${site.origin}${path}`)).kind, path).toBe("too-big");
  });

  it("gives up after the time limit", async () => {
    const err = await failure(`${site.origin}/slow`, { timeoutMs: 300 });
    expect(err.kind).toBe("timeout");
  });

  it("reports unreachable servers and bad addresses", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect((await failure(`http://127.0.0.1:${port}/`, { allowHosts: [`127.0.0.1:${port}`] })).kind).toBe("unreachable");
    expect((await failure("http://no-such-host.invalid/")).kind).toBe("unreachable");
    for (const bad of ["", "not a url", "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/"]) {
      const err = await failure(bad);
      expect(err.kind, bad).toBe("invalid-url");
      expect(err.status).toBe(400);
    }
  });
});

describe("isPrivateAddress", () => {
  it("knows the special-purpose ranges, IPv4 inside IPv6 included", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::127.0.0.1", "ff02::1", "not-an-ip"])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "172.32.0.1", "100.128.0.1"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
