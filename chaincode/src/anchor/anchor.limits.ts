// Bounds of what the anchor contract accepts. Everything it stores is a fixed-shape
// value within these limits: no free text, so nothing personal can reach the chain.
// The bounds a client must respect too (leaf count, time window) are in
// @carechain/ledger-chaincode-api.

/** A batch id is SHA-256(topic/partition/first offset/last offset), in lowercase hex. */
export const BATCH_ID_PATTERN = /^[0-9a-f]{64}$/;

/** RFC 6962 root of the batch's leaf commitments, lowercase hex. */
export const MERKLE_ROOT_PATTERN = /^[0-9a-f]{64}$/;

/** Kafka's own topic alphabet, lowercased as carechain names its topics, and its length cap. */
export const TOPIC_PATTERN = /^[a-z0-9._-]{1,120}$/;

/** Kafka partitions are int32 ids. */
export const MAX_PARTITION = 2 ** 31 - 1;

/** The JSON of {topic, partition, firstOffset, lastOffset} is at most ~220 bytes compact. */
export const MAX_SOURCE_RANGE_BYTES = 384;

/** All arguments of AnchorBatch together; refused before any parsing. */
export const MAX_ANCHOR_PAYLOAD_BYTES = 768;

/** Upper bound of QueryBatchesByTime's `limit`: one response stays well under 1 MB. */
export const MAX_QUERY_LIMIT = 1000;
