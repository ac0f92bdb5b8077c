import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedUrl } from "./embedded-url";
import { keepBatchesTogether } from "./pglite-queue";

export { embeddedUrl };

/**
 * The embedded PostgreSQL: PGlite served over the wire protocol, so the app
 * speaks `pg` to it exactly as it does to a real server.
 *
 * PGlite must never be opened twice on one data folder, so whoever serves it
 * writes `server.json` (pid and port) beside the data; everyone else (the CLI,
 * a second `npm start`) reads that file and connects instead of opening it.
 */

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ServerFile {
  pid: number;
  port: number;
}

const MAX_CONNECTIONS = 40;
/** How long stopping waits for client sockets to close before closing PGlite regardless. */
const SOCKETS_CLOSE_MS = 5_000;

function serverFile(dir: string): string {
  return path.join(dir, "server.json");
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The URL of an embedded server already serving `dir`, if one is running. */
export async function findRunningEmbedded(dir: string): Promise<string | null> {
  let info: ServerFile;
  try {
    info = JSON.parse(fs.readFileSync(serverFile(dir), "utf8")) as ServerFile;
  } catch {
    return null;
  }
  if (info.pid !== process.pid && pidAlive(info.pid) && (await portOpen(info.port))) {
    return embeddedUrl(info.port);
  }
  return null;
}

/** Opens PGlite on `dir` (or in memory when `dir` is null) and serves it on a free loopback port. */
export async function startEmbedded(dir: string | null): Promise<EmbeddedServer> {
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    const running = await findRunningEmbedded(dir);
    if (running) {
      throw new Error(
        `The embedded database in ${dir} is already served by another process (${running}). Stop it first, or connect to it.`,
      );
    }
  }
  const db = await PGlite.create({
    dataDir: dir ? path.join(dir, "pgdata") : undefined,
    extensions: { pg_trgm, btree_gin },
  });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: MAX_CONNECTIONS });
  keepBatchesTogether(server);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  if (dir) {
    fs.writeFileSync(serverFile(dir), JSON.stringify({ pid: process.pid, port } satisfies ServerFile));
  }
  let stopped: Promise<void> | null = null;
  return {
    url: embeddedUrl(port),
    port,
    stop() {
      stopped ??= (async () => {
        // The socket server's close waits for every client socket to end; one that never does must not
        // keep PGlite from closing (its checkpoint is what protects the data).
        await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, SOCKETS_CLOSE_MS).unref())]);
        // close() checkpoints and flushes PGlite's files: without it a restart may find a torn write.
        await db.close();
        if (dir) fs.rmSync(serverFile(dir), { force: true });
      })();
      return stopped;
    },
  };
}
