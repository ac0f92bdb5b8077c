-- Per article, how many standing claims (not deleted, not merged) it mentions and how many of those have a
-- verdict: the dashboard's progress list reads these rows instead of following every highlight of its 50
-- articles to its claim (~5,000 index lookups at 100 highlights an article). Kept by statement-level
-- triggers on "Annotation" and "Claim" in the same transaction as the change, like the other dashboard
-- tallies (migrations dashboard_claim_tally, q100k_link_counts).

-- CreateTable
CREATE TABLE "ArticleClaimProgress" (
    "articleId" TEXT NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "withVerdict" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleClaimProgress_pkey" PRIMARY KEY ("articleId")
);

-- AddForeignKey
ALTER TABLE "ArticleClaimProgress" ADD CONSTRAINT "ArticleClaimProgress_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-added below the generated SQL: the triggers and the backfill.

-- Counts distinct claims, so a change can't be applied as a +1/-1 (a claim mentioned twice in one article
-- counts once): each touched article is counted again. Under READ COMMITTED two writers counting the
-- same article from their own snapshots would lose one's change, so the article's row is locked first
-- (in id order, no deadlock between statements) and counted by a later statement, whose snapshot then
-- holds whatever the previous lock holder committed.
CREATE FUNCTION "article_claim_progress_refresh"(article_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF article_ids IS NULL OR cardinality(article_ids) = 0 THEN
    RETURN;
  END IF;
  -- Articles deleted in this transaction (a cascade) have no row to keep.
  INSERT INTO "ArticleClaimProgress" ("articleId")
  SELECT a.id FROM "Article" a WHERE a.id = ANY(article_ids) ORDER BY a.id
  ON CONFLICT ("articleId") DO NOTHING;
  PERFORM 1 FROM "ArticleClaimProgress" p WHERE p."articleId" = ANY(article_ids) ORDER BY p."articleId" FOR UPDATE;
  UPDATE "ArticleClaimProgress" p SET "claims" = x.claims, "withVerdict" = x.with_verdict
    FROM (
      SELECT t.id,
             (SELECT count(DISTINCT c.id) FROM "Annotation" n JOIN "Claim" c ON c.id = n."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
               WHERE n."articleId" = t.id AND n."deletedAt" IS NULL)::int AS claims,
             (SELECT count(DISTINCT c.id) FROM "Annotation" n JOIN "Claim" c ON c.id = n."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL AND c.verdict IS NOT NULL
               WHERE n."articleId" = t.id AND n."deletedAt" IS NULL)::int AS with_verdict
        FROM unnest(article_ids) AS t(id)
    ) x
   WHERE p."articleId" = x.id AND (p."claims" <> x.claims OR p."withVerdict" <> x.with_verdict);
END $$;

CREATE FUNCTION "article_claim_progress_annotation_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "article_claim_progress_refresh"(ARRAY(SELECT DISTINCT n."articleId" FROM new_rows n WHERE n."claimId" IS NOT NULL AND n."deletedAt" IS NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION "article_claim_progress_annotation_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "article_claim_progress_refresh"(ARRAY(SELECT DISTINCT o."articleId" FROM old_rows o WHERE o."claimId" IS NOT NULL AND o."deletedAt" IS NULL));
  RETURN NULL;
END $$;

-- Only highlights whose claim, article or deletion changed count (re-anchoring 10,000 highlights on an
-- article edit changes none of these, and costs one join of the statement's rows).
CREATE FUNCTION "article_claim_progress_annotation_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "article_claim_progress_refresh"(ARRAY(
    SELECT DISTINCT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n."articleId"), (o."articleId")) AS x(id)
     WHERE n."claimId" IS DISTINCT FROM o."claimId" OR n."articleId" <> o."articleId" OR n."deletedAt" IS DISTINCT FROM o."deletedAt"));
  RETURN NULL;
END $$;

-- A claim's verdict or standing changing moves the counts of every article that mentions it by exactly one
-- (it is one distinct claim there, and its highlights don't change here), so this is an increment, not a
-- recount: a claim mentioned in 200 articles would otherwise recount ~20,000 highlights on a verdict change.
-- Increments need no lock of their own (an UPDATE waits for, then adds to, the committed row). Every article
-- with a highlight linked to a claim has its row (made by the highlight triggers, or the backfill). New
-- claims have no highlights yet; a deleted claim's highlights are unlinked by the foreign key (ON DELETE SET
-- NULL), an "Annotation" update. LATERAL keeps the highlight lookup on the claimId index (the transition
-- tables have no statistics).
CREATE FUNCTION "article_claim_progress_claim_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ArticleClaimProgress" p SET "claims" = p."claims" + d.dc, "withVerdict" = p."withVerdict" + d.dv
    FROM (
      SELECT m."articleId", sum(x.dc)::int AS dc, sum(x.dv)::int AS dv
        FROM (
          SELECT n.id,
                 (n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL)::int - (o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL)::int AS dc,
                 (n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL AND n.verdict IS NOT NULL)::int
                   - (o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL AND o.verdict IS NOT NULL)::int AS dv
            FROM new_rows n JOIN old_rows o ON o.id = n.id
        ) x
        CROSS JOIN LATERAL (SELECT DISTINCT a."articleId" FROM "Annotation" a WHERE a."claimId" = x.id AND a."deletedAt" IS NULL) m
       WHERE x.dc <> 0 OR x.dv <> 0
       GROUP BY m."articleId"
    ) d
   WHERE p."articleId" = d."articleId" AND (d.dc <> 0 OR d.dv <> 0);
  RETURN NULL;
END $$;

CREATE TRIGGER "Annotation_claimProgress_insert" AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "article_claim_progress_annotation_insert"();
CREATE TRIGGER "Annotation_claimProgress_delete" AFTER DELETE ON "Annotation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "article_claim_progress_annotation_delete"();
CREATE TRIGGER "Annotation_claimProgress_update" AFTER UPDATE ON "Annotation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "article_claim_progress_annotation_update"();
CREATE TRIGGER "Claim_claimProgress_update" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "article_claim_progress_claim_update"();

-- Backfill: a row for every article (the claim trigger only adds to rows that exist).
INSERT INTO "ArticleClaimProgress" ("articleId", "claims", "withVerdict")
SELECT a.id, coalesce(x.claims, 0), coalesce(x.with_verdict, 0)
  FROM "Article" a
  LEFT JOIN (
    SELECT n."articleId", count(DISTINCT c.id)::int AS claims, (count(DISTINCT c.id) FILTER (WHERE c.verdict IS NOT NULL))::int AS with_verdict
      FROM "Annotation" n JOIN "Claim" c ON c.id = n."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
     WHERE n."deletedAt" IS NULL
     GROUP BY n."articleId"
  ) x ON x."articleId" = a.id;
