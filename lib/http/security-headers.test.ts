import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isForeignMutation, isTokenRequest } from "./security-headers";

const URL_ = "http://app.example.com/api/w/x/members/1";

function foreign(method: string, headers: Record<string, string>, url = URL_) {
  return isForeignMutation(method, new Headers(headers), url);
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

  it("compares ports: the same name on another port is foreign", () => {
    expect(foreign("POST", { origin: "http://localhost:4000", host: "localhost:3000" })).toBe(true);
  });

  it("behind a proxy, trusts X-Forwarded-Host over Host", () => {
    expect(foreign("POST", { origin: "https://claims.news.org", host: "10.0.0.5:3000", "x-forwarded-host": "claims.news.org" })).toBe(false);
    expect(foreign("POST", { origin: "https://10.0.0.5:3000", host: "10.0.0.5:3000", "x-forwarded-host": "claims.news.org" })).toBe(true);
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
