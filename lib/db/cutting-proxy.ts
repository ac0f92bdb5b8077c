import net from "node:net";

/**
 * Test helper (not a test): a TCP proxy in front of PostgreSQL that can cut
 * every connection right after the server acknowledges the next COMMIT, and
 * refuse new ones until restored: a real connection loss between a write's
 * commit and whatever the code does next, with no mock of the database layer.
 */
export interface CuttingProxy {
  /** The target URL with host and port pointing at the proxy. */
  url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Cut everything once the next COMMIT has been acknowledged. */
  cutAfterNextCommit(): void;
  /** Whether the armed cut has happened. */
  readonly cut: boolean;
  /** Accept connections again. */
  restore(): void;
  close(): Promise<void>;
}

const COMMIT_QUERY = Buffer.from("COMMIT");
const COMMIT_DONE = Buffer.from("COMMIT\0"); // CommandComplete tag
const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // ReadyForQuery, not in a transaction

export async function startCuttingProxy(targetUrl: string): Promise<CuttingProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let down = false;
  let armed = false;
  let connections = 0;

  const cut = () => {
    down = true;
    for (const s of sockets) s.destroy();
    sockets.clear();
    armed = false;
  };

  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    connections++;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let committing = false;
    let reply = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      if (armed && chunk.includes(COMMIT_QUERY)) committing = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!committing) return void client.write(chunk);
      reply = Buffer.concat([reply, chunk]);
      const tag = reply.indexOf(COMMIT_DONE);
      const ready = tag < 0 ? -1 : reply.indexOf(READY_IDLE, tag);
      if (ready < 0) return void client.write(chunk);
      // The client gets the acknowledgement of its commit, and then nothing ever again.
      client.write(chunk, () => cut());
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);

  return {
    url: url.toString(),
    get connections() {
      return connections;
    },
    get cut() {
      return down;
    },
    cutAfterNextCommit: () => {
      armed = true;
    },
    restore: () => {
      down = false;
      armed = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
