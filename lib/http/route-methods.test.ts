import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * Every API route file answers every method: the ones it has, and 405 with an
 * `Allow` naming exactly those for the rest (Next.js's own 405 has no Allow).
 * Requests here carry no session or token, so a real handler answers 401
 * (or 400/404/200 for the public ones) and never 405.
 */
vi.mock("@/lib/auth/session", () => ({ currentUser: async (): Promise<CurrentUser | null> => null }));

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

// next-auth's own handler is left to next-auth.
const FILES = routeFiles(path.resolve("app/api")).filter((f) => !f.includes("[...nextauth]"));

describe("API routes: 405 with Allow for every method a route doesn't have", () => {
  it("covers the API", () => {
    expect(FILES.length).toBeGreaterThan(50);
  });

  it.each(FILES.map((f) => [path.relative(process.cwd(), f), f]))("%s", async (_, file) => {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const ctx = { params: Promise.resolve({ slug: "ws", ws: "ws", rest: ["x"] }) };
    const answers = new Map<string, Response>();
    for (const method of METHODS) {
      const handler = mod[method];
      expect(typeof handler, `${method} is exported`).toBe("function");
      const req = new Request("http://localhost/api/x", { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      answers.set(method, await (handler as (r: Request, c: typeof ctx) => Promise<Response>)(req, ctx));
    }
    const has = METHODS.filter((m) => answers.get(m)!.status !== 405);
    expect(has.length, "the route has at least one method").toBeGreaterThan(0);
    const allow = [...has, ...(has.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    for (const [method, res] of answers) {
      if (res.status !== 405) continue;
      expect(res.headers.get("allow"), `${method} → 405 names the methods`).toBe(allow);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
