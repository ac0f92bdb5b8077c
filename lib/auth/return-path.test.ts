import { describe, expect, it } from "vitest";
import { authOptions } from "./options";
import { requestPathOf, safeRedirectUrl, safeReturnPath } from "./return-path";

const APP = "https://app.example.org";

/**
 * Values an attacker puts in `callbackUrl` (already URL-decoded once, as the
 * page receives them). Each one, resolved by a browser, would leave the site
 * if passed through.
 */
const HOSTILE = [
  "//evil.example/",
  "///evil.example/",
  "////evil.example/",
  "/\t/evil.example/",
  "/\r/evil.example/",
  "/\n/evil.example/",
  "/\t\t/evil.example/",
  "/\r\n/evil.example/",
  "\t//evil.example/",
  "/\t\n/evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "/\\/evil.example/",
  "\\/evil.example/",
  "/.//evil.example/",
  "/./\t/evil.example",
  "https://evil.example/",
  "http://evil.example/",
  "HTTPS://evil.example",
  "https:evil.example",
  "//evil.example@app.example.org",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\u0000/evil.example",
  // Still encoded (decoded once more by something downstream, they would be "//evil.example").
  "%2F%2Fevil.example/",
  "%2F%09%2Fevil.example%2F",
  "%5C%5Cevil.example",
];

/** Where a browser ends up when it navigates to `path` from a page on the app. */
const landing = (path: string) => new URL(path, `${APP}/signin`);

describe("safeReturnPath (the sign-in and sign-up pages)", () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("refuses %s", (_label, value) => {
    const result = safeReturnPath(value);
    expect(result).toBe("/");
    expect(landing(result).origin).toBe(APP);
  });

  it("never returns a path a browser would resolve to another origin, for any mix of the usual tricks", () => {
    const pieces = ["/", "//", "\\", "\t", "\r", "\n", ".", "%2F", "%09", "evil.example", "@", ":", "?", "#"];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const value = `/${a}${b}${c}evil.example/`;
      expect(landing(safeReturnPath(value)).origin, JSON.stringify(value)).toBe(APP);
    }
  });

  it("keeps ordinary paths with their query and fragment", () => {
    expect(safeReturnPath("/w/election-desk")).toBe("/w/election-desk");
    expect(safeReturnPath("/w/desk/claims?verdict=false&tag=a%20b#c1")).toBe("/w/desk/claims?verdict=false&tag=a%20b#c1");
    expect(safeReturnPath("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
    // An encoded slash stays encoded: a path on this site, not a second slash.
    expect(safeReturnPath("/%2F%2Fevil.example/")).toBe("/%2F%2Fevil.example/");
    expect(landing(safeReturnPath("/%2F%2Fevil.example/")).origin).toBe(APP);
  });

  it("falls back when there is nothing usable", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(null, "/home")).toBe("/home");
    expect(safeReturnPath("", "/home")).toBe("/home");
    expect(safeReturnPath("w/desk")).toBe("/");
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: APP }) as string;

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("sends %s home instead", (_label, value) => {
    const result = redirect(value);
    expect(new URL(result).origin).toBe(APP);
    expect(result).toBe(APP);
  });

  it("keeps same-origin URLs, relative or absolute", () => {
    expect(redirect("/w/desk?x=1")).toBe(`${APP}/w/desk?x=1`);
    expect(redirect(`${APP}/w/desk`)).toBe(`${APP}/w/desk`);
    expect(redirect(`${APP}//evil.example/`)).toBe(APP);
    expect(safeRedirectUrl("http://app.example.org/w/desk", APP)).toBe(APP);
  });
});

describe("the address a sign-in redirect comes back to", () => {
  it("keeps the path and the whole query (the bookmarklet's url and quote), without Next.js's _rsc", () => {
    const asked = requestPathOf(new URL(`${APP}/w/desk/import?url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1&quote=Forty%20thousand%20%26%20more&_rsc=1xyz`));
    expect(asked).toBe("/w/desk/import?url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1&quote=Forty%20thousand%20%26%20more");
    const back = new URL(safeReturnPath(asked), APP);
    expect(back.origin).toBe(APP);
    expect(back.searchParams.get("url")).toBe("https://news.example/a?b=1");
    expect(back.searchParams.get("quote")).toBe("Forty thousand & more");
    expect(requestPathOf(new URL(`${APP}/w/desk?_rsc=abc`))).toBe("/w/desk");
  });

  it("can't be made to leave the site: the path is the request's own, and read through safeReturnPath", () => {
    // A request for "//evil.example/x" reaches the app as that path; going back there must stay here.
    const asked = requestPathOf(new URL(`${APP}//evil.example/x?y=1`));
    expect(new URL(safeReturnPath(asked), APP).origin).toBe(APP);
  });
});
