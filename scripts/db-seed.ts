import { db } from "@/lib/db/client";
import { describeSeed, seedDemo } from "@/lib/demo/seed";
import { withMigratedDatabase } from "./lib/database";

/** `npm run db:seed`: creates the demo workspace and account unless they exist. */
withMigratedDatabase(async () => {
  const url = `${(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "")}/signin`;
  console.log(describeSeed(await seedDemo(), url));
  await db.$disconnect();
})
  .then(() => process.exit(0))
  .catch((err: Error) => {
    console.error(`Error: ${err.message}`);
    process.exit(1);
  });
