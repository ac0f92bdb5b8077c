import { db } from "@/lib/db/client";
import { describeSeed, seedDemo } from "@/lib/demo/seed";
import { withMigratedDatabase } from "./lib/database";

/** `npm run db:seed`: creates the demo workspace and account unless they exist. */
withMigratedDatabase(async () => {
  console.log(describeSeed(await seedDemo()));
  await db.$disconnect();
})
  .then(() => process.exit(0))
  .catch((err: Error) => {
    console.error(`Error: ${err.message}`);
    process.exit(1);
  });
