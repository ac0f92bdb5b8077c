import { describe, expect, it } from "vitest";
import { demoSignInBox } from "./sign-in-box";

describe("demoSignInBox", () => {
  it("boxes the address, email and password, every line as wide as the box, with the way to a new password", () => {
    const box = demoSignInBox({ headline: "Claimtrail is ready.", url: "http://localhost:3000/signin", email: "demo@claimtrail.local", password: "s3cret-Pa55" });
    const lines = box.trim().split("\n");
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(box).toContain("│  Claimtrail is ready.");
    expect(box).toContain("  Open:      http://localhost:3000/signin");
    expect(box).toContain("  Email:     demo@claimtrail.local");
    expect(box).toContain("  Password:  s3cret-Pa55");
    expect(box).toContain("npm run cli -- reset-password demo@claimtrail.local");
  });
});
