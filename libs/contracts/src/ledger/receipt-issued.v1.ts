// A ledger receipt: proof that one event was anchored on the Fabric ledger. With
// the event (and the commitment salt) anyone can recompute the leaf, check the
// inclusion proof against the root, and find the root on the chain.
import { z } from 'zod';

export const RECEIPT_ISSUED_V1 = 'carechain.ledger.receipt.issued.v1';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lowercase hex');
const offset = z.string().regex(/^\d{1,19}$/, 'a Kafka offset');

export const receiptIssuedV1Schema = z.object({
  eventId: z.string().min(1).max(128),
  eventType: z.string().min(1).max(200),
  source: z.object({ topic: z.string().min(1).max(249), partition: z.number().int().min(0), offset }),
  /** HMAC-SHA-256 of the event's canonical bytes under the commitment salt: the Merkle leaf. */
  commitment: hash,
  /** Which salt (key version) made the commitment. */
  saltVersion: z.string().min(1).max(64),
  batchId: hash,
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  /** RFC 6962 audit path, leaf to root. */
  proof: z.array(hash).max(64),
  merkleRoot: hash,
  txId: z.string().min(1).max(128),
  blockNumber: z.string().regex(/^\d+$/),
  anchoredAt: z.iso.datetime(),
});

export type ReceiptIssuedV1 = Readonly<z.infer<typeof receiptIssuedV1Schema>>;
