-- CreateTable
CREATE TABLE "GlossaryPair" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "english" TEXT NOT NULL,
    "termLexemes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "englishLexemes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryProposal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "termLexeme" TEXT NOT NULL,
    "englishLexeme" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "english" TEXT NOT NULL,
    "support" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NameAlias" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'confirmed',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NameAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AliasName" (
    "id" TEXT NOT NULL,
    "aliasId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lexemes" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AliasName_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GlossaryPair_workspaceId_idx" ON "GlossaryPair"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryPair_workspaceId_language_term_key" ON "GlossaryPair"("workspaceId", "language", "term");

-- CreateIndex
CREATE INDEX "GlossaryProposal_workspaceId_status_idx" ON "GlossaryProposal"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryProposal_workspaceId_language_termLexeme_englishLex_key" ON "GlossaryProposal"("workspaceId", "language", "termLexeme", "englishLexeme");

-- CreateIndex
CREATE INDEX "NameAlias_workspaceId_idx" ON "NameAlias"("workspaceId");

-- CreateIndex
CREATE INDEX "AliasName_aliasId_idx" ON "AliasName"("aliasId");

-- CreateIndex
CREATE UNIQUE INDEX "AliasName_workspaceId_name_key" ON "AliasName"("workspaceId", "name");

-- AddForeignKey
ALTER TABLE "GlossaryPair" ADD CONSTRAINT "GlossaryPair_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryProposal" ADD CONSTRAINT "GlossaryProposal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameAlias" ADD CONSTRAINT "NameAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AliasName" ADD CONSTRAINT "AliasName_aliasId_fkey" FOREIGN KEY ("aliasId") REFERENCES "NameAlias"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: the engine generated everything above from schema.prisma.
-- (The drift check compares tables, columns, indexes and foreign keys only.)

-- Issue 14: a glossary pair's sides and an alias's names as the lexemes that
-- search documents and selections have (search_words of migration
-- multilingual_search), so lib/search/suggest-claims.ts can tell whether a
-- selection holds a side (all its lexemes among the selection's) with one
-- array comparison. Kept here, beside the functions that make the documents,
-- so that both always agree.
CREATE FUNCTION "glossary_pair_lexemes_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."termLexemes" := tsvector_to_array("search_words"(NEW."term", NEW."language"));
  NEW."englishLexemes" := tsvector_to_array("search_words"(NEW."english", 'en'));
  RETURN NEW;
END
$$;

CREATE TRIGGER "GlossaryPair_lexemes"
  BEFORE INSERT OR UPDATE OF "term", "english", "language" ON "GlossaryPair"
  FOR EACH ROW EXECUTE FUNCTION "glossary_pair_lexemes_trigger"();

-- A name's lexemes in its script's language: «Сергей Лавров» → {сергей, лавр}
-- (russian), "Sergei Lavrov" → {lavrov, sergei} (english), as a selection naming them has.
CREATE FUNCTION "alias_name_lexemes_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."lexemes" := tsvector_to_array("search_words"(NEW."name", "search_guess_language"(NEW."name")));
  RETURN NEW;
END
$$;

CREATE TRIGGER "AliasName_lexemes"
  BEFORE INSERT OR UPDATE OF "name" ON "AliasName"
  FOR EACH ROW EXECUTE FUNCTION "alias_name_lexemes_trigger"();

-- Alias suggestions (lib/glossary/suggest-aliases.ts): the spellings a name
-- may have, each word in Latin letters (Cyrillic through search_translit, with
-- its variants) and normalised for the usual differences: th → t
-- (Anthony/Antony), ks → x (Aleksei/Alexei), ia/iu → ya/yu (Riabkov/Ryabkov),
-- -ei/-ej → -ey (Sergei/Sergey), -iy/-ii/-yy/-yi/-ij → -y (Zelenskiy/Zelensky).
-- Two claimant names share a key when they may be one person's.
CREATE FUNCTION "alias_normalise"(w TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(replace(replace(replace(replace(lower(w), 'th', 't'), 'ks', 'x'), 'ia', 'ya'), 'iu', 'yu'),
    '(ei|ej)$', 'ey'), '(iy|ii|yy|yi|ij)$', 'y')
$$;

CREATE FUNCTION "alias_name_keys"(name TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  keys TEXT[] := ARRAY[''];
  w TEXT;
  spellings TEXT[];
BEGIN
  FOR w IN SELECT m[1] FROM regexp_matches(coalesce(name, ''), '([A-Za-zА-Яа-яЁёІіЇїЄєҐґʼ’'']+)', 'g') AS m LOOP
    spellings := CASE WHEN w ~ '[А-Яа-яЁёІіЇїЄєҐґ]' THEN "search_translit"(w) ELSE ARRAY[lower(w)] END;
    IF cardinality(spellings) = 0 THEN CONTINUE; END IF;
    keys := ARRAY(SELECT DISTINCT ltrim(k || ' ' || "alias_normalise"(s)) FROM unnest(keys) AS k, unnest(spellings) AS s LIMIT 64);
  END LOOP;
  RETURN ARRAY(SELECT k FROM unnest(keys) AS k WHERE k <> '');
END
$$;
