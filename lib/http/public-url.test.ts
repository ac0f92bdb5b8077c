import { afterEach, describe, expect, it, vi } from "vitest";
import { publicUrl } from "./public-url";

describe("publicUrl: the one public address of mail, exports and invite links", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("APP_URL first, then NEXTAUTH_URL, then the request's origin, then localhost:3000; no trailing slash", () => {
    vi.stubEnv("APP_URL", "https://checks.example.org/desk/");
    vi.stubEnv("NEXTAUTH_URL", "https://other.example.org");
    expect(publicUrl()).toBe("https://checks.example.org/desk");
    expect(publicUrl("/inbox", "http://localhost:3000/api/x")).toBe("https://checks.example.org/desk/inbox");
    expect(publicUrl("inbox")).toBe("https://checks.example.org/desk/inbox");
    vi.stubEnv("APP_URL", "");
    expect(publicUrl("/inbox")).toBe("https://other.example.org/inbox");
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(publicUrl("/invite/abc", "http://10.0.0.5:3000/api/w/x/invites")).toBe("http://10.0.0.5:3000/invite/abc");
    expect(publicUrl("/inbox")).toBe("http://localhost:3000/inbox");
    expect(publicUrl()).toBe("http://localhost:3000");
  });
});
