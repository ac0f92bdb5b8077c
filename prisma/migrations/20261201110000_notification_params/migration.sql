-- What a notification's title is made of (the claim's statement, a name, a role), so each reader sees it in their own
-- language; rows written before keep their English title alone (lib/notifications/title.ts falls back to it).
ALTER TABLE "Notification" ADD COLUMN "params" JSONB;
