import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type EmbeddedServer } from "./embedded";

describe("the embedded database under concurrent connections", () => {
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startEmbedded(null);
  });
  afterAll(async () => {
    await server.stop();
  });

  it("keeps each connection's parameterised queries and transactions apart", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    await pool.query("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)");
    await pool.query("INSERT INTO counters SELECT g, 0 FROM generate_series(1, 8) g");
    const worker = async (id: number) => {
      for (let i = 0; i < 25; i++) {
        // Extended protocol (parameters) outside a transaction…
        const { rows } = await pool.query("SELECT $1::int * 2 AS doubled, $2::text AS tag", [i, `w${id}`]);
        expect(rows[0]).toEqual({ doubled: i * 2, tag: `w${id}` });
        // …and inside one.
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query("UPDATE counters SET n = n + 1 WHERE id = $1", [id]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, k) => worker(k + 1)));
    const { rows } = await pool.query("SELECT id, n FROM counters ORDER BY id");
    expect(rows.map((r) => r.n)).toEqual(Array(8).fill(25));
    await pool.end();
  });

  it("answers a failing query and keeps serving the others", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 4 });
    const results = await Promise.allSettled([pool.query("SELECT * FROM no_such_table WHERE x = $1", [1]), pool.query("SELECT $1::int AS one", [1])]);
    expect(results[0].status).toBe("rejected");
    expect(results[1]).toMatchObject({ status: "fulfilled", value: { rows: [{ one: 1 }] } });
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    await pool.end();
  });
});
