-- Verdict labels get a language: {"mostly-false": "Misleading"} becomes
-- {"en": {...}, "ru": {...}, "uk": {...}} with the same labels in each, since
-- until now a workspace's label was shown in every UI language. Rows already
-- keyed by language, and empty ones, are left alone.
UPDATE "Workspace"
SET "verdictLabels" = jsonb_build_object('en', "verdictLabels", 'ru', "verdictLabels", 'uk', "verdictLabels")
WHERE jsonb_typeof("verdictLabels") = 'object'
  AND "verdictLabels" <> '{}'::jsonb
  AND NOT ("verdictLabels" ?| ARRAY['en', 'ru', 'uk']);
