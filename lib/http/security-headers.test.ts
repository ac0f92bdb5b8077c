import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, isForeignMutation, isTokenRequest, responseSecurityHeaders } from "./security-headers";

const URL_ = "http://app.example.com/api/w/x/members/1";

/** `publicUrl` stands for NEXTAUTH_URL; "" is "not set". */
function foreign(method: string, headers: Record<string, string>, url = URL_, publicUrl = "") {
  return isForeignMutation(method, new Headers(headers), url, publicUrl);
}

describe("isForeignMutation", () => {
  it("never refuses safe methods, whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(foreign(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(false);
    }
  });

  it("refuses a POST/PATCH/DELETE from a foreign Origin", () => {
    for (const method of ["POST", "PATCH", "DELETE", "PUT", "post"]) {
      expect(foreign(method, { origin: "https://evil.example", host: "app.example.com" })).toBe(true);
    }
  });

  it("allows a mutation from the same host (Host header, else the request URL)", () => {
    expect(foreign("POST", { origin: "http://app.example.com", host: "app.example.com" })).toBe(false);
    expect(foreign("POST", { origin: "http://app.example.com" })).toBe(false);
    expect(foreign("POST", { origin: "http://localhost:3000", host: "localhost:3000" }, "http://localhost:3000/api")).toBe(false);
  });

  it("without Origin, judges by the Referer's origin; with neither (curl, the CLI), allows", () => {
    expect(foreign("POST", { referer: "http://evil.example/page", host: "app.example.com" })).toBe(true);
    expect(foreign("POST", { referer: "not a url", host: "app.example.com" })).toBe(true);
    expect(foreign("POST", { referer: "http://app.example.com/w/x", host: "app.example.com" })).toBe(false);
    expect(foreign("POST", { host: "app.example.com" })).toBe(false);
  });

  it("compares ports: the same name on another port is foreign", () => {
    expect(foreign("POST", { origin: "http://localhost:4000", host: "localhost:3000" })).toBe(true);
  });

  it("behind a proxy, trusts X-Forwarded-Host over Host (and X-Forwarded-Proto for the scheme)", () => {
    const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "claims.news.org", "x-forwarded-proto": "https" };
    expect(foreign("POST", { ...proxied, origin: "https://claims.news.org" })).toBe(false);
    expect(foreign("POST", { ...proxied, origin: "https://10.0.0.5:3000" })).toBe(true);
  });

  it("compares the scheme: an http:// Origin is foreign to an https app", () => {
    // Served over https directly, via a proxy that says so, or configured as https (NEXTAUTH_URL).
    expect(foreign("POST", { origin: "http://app.example.com", host: "app.example.com" }, "https://app.example.com/api/x")).toBe(true);
    expect(foreign("POST", { origin: "https://app.example.com", host: "app.example.com" }, "https://app.example.com/api/x")).toBe(false);
    expect(foreign("POST", { origin: "http://app.example.com", host: "app.example.com", "x-forwarded-proto": "https" })).toBe(true);
    expect(foreign("POST", { origin: "http://app.example.com", host: "app.example.com" }, URL_, "https://app.example.com")).toBe(true);
    expect(foreign("POST", { origin: "https://app.example.com", host: "app.example.com" }, URL_, "https://app.example.com")).toBe(false);
    // And the other way round: an https Origin against a plain-http app is foreign too.
    expect(foreign("POST", { origin: "https://app.example.com", host: "app.example.com" })).toBe(true);
  });

  it("allows a mutation without Origin (non-browser clients such as curl or the CLI)", () => {
    expect(foreign("POST", { host: "app.example.com" })).toBe(false);
  });

  it("refuses sec-fetch-site: cross-site even without Origin, but not same-site or same-origin", () => {
    expect(foreign("POST", { "sec-fetch-site": "cross-site" })).toBe(true);
    expect(foreign("POST", { "sec-fetch-site": "same-origin", origin: "http://app.example.com" })).toBe(false);
    expect(foreign("POST", { "sec-fetch-site": "same-site" })).toBe(false);
  });

  it('refuses Origin "null" (sandboxed frames, data: URLs) and an unparsable Origin', () => {
    expect(foreign("POST", { origin: "null", host: "app.example.com" })).toBe(true);
    expect(foreign("POST", { origin: "not a url", host: "app.example.com" })).toBe(true);
  });
});

describe("contentSecurityPolicy", () => {
  it("carries the nonce, forbids framing, and allows eval only in development", () => {
    const prod = contentSecurityPolicy("abc123", false);
    expect(prod).toContain("'nonce-abc123'");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });
});

describe("isTokenRequest", () => {
  const bearer = new Headers({ authorization: "Bearer ct_abc" });
  it("exempts only /api/v1 requests that carry a bearer token from the Origin check", () => {
    expect(isTokenRequest("/api/v1/workspaces", bearer)).toBe(true);
    expect(isTokenRequest("/api/v1", bearer)).toBe(true);
    expect(isTokenRequest("/api/v1/workspaces", new Headers())).toBe(false);
    expect(isTokenRequest("/api/v1/workspaces", new Headers({ authorization: "Basic eDp5" }))).toBe(false);
    // Cookie routes keep the check even when a bearer header is added.
    expect(isTokenRequest("/api/w/x/claims", bearer)).toBe(false);
    expect(isTokenRequest("/api/v10/x", bearer)).toBe(false);
  });
});

describe("responseSecurityHeaders", () => {
  it("always sends a Permissions-Policy; HSTS only when the app is served over https", () => {
    const plain = responseSecurityHeaders(new Headers(), "http://localhost:3000/", "");
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Permissions-Policy"]).toContain("geolocation=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    for (const [headers, url, publicUrl] of [
      [{}, "https://app.example.com/", ""],
      [{ "x-forwarded-proto": "https" }, "http://10.0.0.5:3000/", ""],
      [{}, "http://10.0.0.5:3000/", "https://app.example.com"],
    ] as const) {
      expect(responseSecurityHeaders(new Headers(headers), url, publicUrl)["Strict-Transport-Security"]).toBe("max-age=31536000");
    }
  });
});

describe("proxy.ts", () => {
  it("adds Permissions-Policy and, over https, HSTS to what it passes on", () => {
    const res = proxy(new NextRequest("https://app.example.com/w/desk", { headers: { host: "app.example.com" } }));
    expect(res.headers.get("permissions-policy")).toContain("microphone=()");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("refuses a mutation from the http:// page of an https app, with the security headers", async () => {
    const res = proxy(
      new NextRequest("https://app.example.com/api/workspaces", { method: "POST", headers: { host: "app.example.com", origin: "http://app.example.com" } }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(res.headers.get("permissions-policy")).toBeTruthy();
  });
});
