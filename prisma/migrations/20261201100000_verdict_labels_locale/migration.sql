-- Verdict labels get a language. {"mostly-false": "Misleading"} becomes
-- {"en": {...}, "ru": {...}, "uk": {...}} with the same labels in each, since
-- until now a workspace's label was shown in every UI language. A label equal
-- to the built-in English name is no renaming (an earlier settings form was
-- pre-filled with those names): it is dropped, so ru and uk readers get the
-- built-in name in their language. Rows already keyed by language are left alone.
WITH renamed AS (
  SELECT w."id",
         COALESCE((
           SELECT jsonb_object_agg(e.key, e.value)
           FROM jsonb_each(w."verdictLabels") AS e
           WHERE (e.key, e.value) NOT IN (
             ('true', '"True"'::jsonb), ('mostly-true', '"Mostly true"'::jsonb), ('mixed', '"Mixed"'::jsonb),
             ('mostly-false', '"Mostly false"'::jsonb), ('false', '"False"'::jsonb),
             ('unverifiable', '"Unverifiable"'::jsonb), ('not-a-claim', '"Not a claim"'::jsonb))
         ), '{}'::jsonb) AS labels
  FROM "Workspace" w
  WHERE jsonb_typeof(w."verdictLabels") = 'object'
    AND w."verdictLabels" <> '{}'::jsonb
    AND NOT (w."verdictLabels" ?| ARRAY['en', 'ru', 'uk'])
)
UPDATE "Workspace" w
SET "verdictLabels" = CASE WHEN r.labels = '{}'::jsonb THEN '{}'::jsonb
                           ELSE jsonb_build_object('en', r.labels, 'ru', r.labels, 'uk', r.labels) END
FROM renamed r
WHERE w."id" = r."id";
