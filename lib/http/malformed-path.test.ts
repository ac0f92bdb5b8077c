import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { isMalformedPath } from "./malformed-path";

/** Paths Next.js can't decode into params answered 500 with no security headers; the proxy answers 400 first. */
describe("malformed URL paths", () => {
  it("are recognised: truncated or invalid UTF-8 and bad percent escapes; valid ones aren't", () => {
    for (const p of ["/w/%E0%A4%A", "/api/v1/workspaces/%ZZ", "/w/%", "/w/%C0%AF", "/w/%ED%A0%80"]) expect(isMalformedPath(p), p).toBe(true);
    for (const p of ["/w/news-desk", "/w/caf%C3%A9", "/api/v1/workspaces/x/claims", "/w/%25"]) expect(isMalformedPath(p), p).toBe(false);
  });

  it("the proxy answers them 400 problem+json with the security headers, for every method", async () => {
    for (const [method, url] of [
      ["GET", "http://localhost/w/%E0%A4%A"],
      ["GET", "http://localhost/api/v1/workspaces/%ZZ"],
      ["POST", "http://localhost/api/w/%ZZ/claims"],
    ]) {
      const res = proxy(new NextRequest(url, { method }));
      expect(res.status, url).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(await res.json()).toMatchObject({ status: 400 });
    }
    expect(proxy(new NextRequest("http://localhost/w/news-desk")).status).toBe(200);
  });
});
