import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp, buildIsCurrent } from "./lib/build-fingerprint";

/**
 * `npm run build` then `npm start` must not build twice (found by an outside tester: the second
 * build also made a second instance started meanwhile fail on Next's build lock). A stand-in for
 * `next build` in a scratch project shows the stamp is written by the one build path and read by
 * the check `npm start` makes.
 */
function scratchProject(exitCode: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-build-"));
  fs.mkdirSync(path.join(root, "node_modules/next/dist/bin"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "node_modules/next/dist/bin/next"),
    `require("node:fs").mkdirSync(".next", { recursive: true }); require("node:fs").writeFileSync(".next/BUILD_ID", "x"); process.exit(${exitCode});`,
  );
  fs.mkdirSync(path.join(root, "app"));
  fs.writeFileSync(path.join(root, "app/page.tsx"), "export default function Page() { return null; }\n");
  return root;
}

describe("the production build", () => {
  it("a build through buildApp (npm run build) is current for npm start until a source changes", () => {
    const root = scratchProject(0);
    expect(buildIsCurrent(root)).toBe(false);
    expect(buildApp(root, process.env)).toBe(true);
    expect(buildIsCurrent(root)).toBe(true);
    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildIsCurrent(root)).toBe(false);
  });

  it("a failed build leaves no stamp", () => {
    const root = scratchProject(1);
    expect(buildApp(root, process.env)).toBe(false);
    expect(buildIsCurrent(root)).toBe(false);
  });
});
