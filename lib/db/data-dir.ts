import path from "node:path";

/** Where the embedded database, its lock file and generated secrets live. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), ".data"));
}
