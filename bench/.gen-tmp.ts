import { migrate } from "@/lib/db/migrate";
import { generateWorkspace } from "./lib/dataset";
async function main() {
  const url = process.argv[2];
  const claims = Number(process.argv[3]);
  await migrate(url);
  const t0 = Date.now();
  const ws = await generateWorkspace(url, { claims, seed: 11, log: (l) => console.log(l) });
  console.log(JSON.stringify(ws));
  console.log("seconds", (Date.now() - t0) / 1000);
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
