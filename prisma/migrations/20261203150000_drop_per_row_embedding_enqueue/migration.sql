-- The per-row "embedding_enqueue"(kind, id) of migration claim_embeddings has had no caller since migration
-- set_based_postings_embeddings made the embedding triggers per statement: "embedding_enqueue_many" is the same
-- upsert for a statement's ids, and the four statement triggers on "Claim" and "Annotation" cover every write
-- (lib/search/embeddings/enqueue-triggers.test.ts). Two bodies of one upsert would drift apart.
DROP FUNCTION "embedding_enqueue"(TEXT, TEXT);
