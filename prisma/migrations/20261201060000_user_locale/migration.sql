-- The UI language a person chose (Settings → Language); NULL follows the browser's Accept-Language.
CREATE TYPE "Locale" AS ENUM ('en', 'ru', 'uk');

ALTER TABLE "User" ADD COLUMN "locale" "Locale";
