/**
 * Looking references up by entity. The index behind it, `refs_entity_bucket`, is keyed by
 * (doc_seq >> REF_BUCKET_BITS, entity_id, doc_seq) rather than (entity_id, doc_seq): a batch of
 * new documents then inserts into the newest bucket only, a few hundred pages that stay cached,
 * instead of one random page per person named across an index of hundreds of megabytes. A
 * lookup pays for that with one index seek per bucket (245 at a million documents, about a
 * millisecond). See docs/decisions/0022.
 */
export const REF_BUCKET_BITS = 12;

/**
 * A `bucket(n)` table of every bucket in use, for `bucket CROSS JOIN refs r WHERE (r.doc_seq >> 12) = bucket.n`.
 * Valid in SQLite and PostgreSQL; put it first in a WITH RECURSIVE list.
 */
export const REF_BUCKETS = `last_bucket(n) AS (SELECT coalesce(max(seq), 0) >> ${REF_BUCKET_BITS} FROM documents),
  bucket(n) AS (SELECT 0 UNION ALL SELECT bucket.n + 1 FROM bucket, last_bucket WHERE bucket.n < last_bucket.n)`;

/** The condition that lets the engine seek `refs_entity_bucket`; the expression must match the index's. */
export function refBucketJoin(alias: string): string {
  return `(${alias}.doc_seq >> ${REF_BUCKET_BITS}) = bucket.n`;
}
