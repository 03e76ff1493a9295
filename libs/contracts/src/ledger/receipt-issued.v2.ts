// A ledger receipt for a whole anchored batch: which events (in leaf order), their
// leaves, where they came from, and the transaction that put the batch's root on the
// Fabric ledger. An event's inclusion proof is not carried: anyone holding the batch
// derives it from the leaves (RFC 6962 audit path), so the receipt costs ~110 bytes
// per event instead of ~1.3 kB. Receipts of the first version (one per event, proof
// included) stay valid and readable.
import { z } from 'zod';

export const RECEIPT_ISSUED_V2 = 'carechain.ledger.receipt.issued.v2';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lowercase hex');
const offset = z.string().regex(/^\d{1,19}$/, 'a Kafka offset');

/**
 * Events one receipt may describe: bounds its message to about 600 kB, under the
 * broker's default 1 MiB message limit (ledger-writer's LEDGER_BATCH_MAX_EVENTS stays below).
 */
export const MAX_RECEIPT_EVENTS = 5_000;

const perLeaf = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_RECEIPT_EVENTS);

export const receiptIssuedV2Schema = z
  .object({
    batchId: hash,
    merkleRoot: hash,
    treeSize: z.number().int().min(1).max(MAX_RECEIPT_EVENTS),
    txId: z.string().min(1).max(128),
    blockNumber: z.string().regex(/^\d+$/),
    anchoredAt: z.iso.datetime(),
    source: z.object({ topic: z.string().min(1).max(249), partition: z.number().int().min(0), firstOffset: offset, lastOffset: offset }),
    /** Leaf i is event eventIds[i]. */
    eventIds: perLeaf(z.string().min(1).max(128)),
    /** Leaf i's offset minus source.firstOffset (ascending; a dead-lettered record leaves a gap). */
    offsets: perLeaf(z.number().int().min(0)),
    /** Leaf i: HMAC-SHA-256 of the event's canonical bytes under its commitment salt. */
    commitments: perLeaf(hash),
    /** The distinct event types, and leaf i's index into them. */
    eventTypes: z.array(z.string().min(1).max(200)).min(1).max(MAX_RECEIPT_EVENTS),
    typeOf: perLeaf(z.number().int().min(0)),
    /** The distinct salt (key) versions the commitments were made with, and leaf i's index into them. */
    saltVersions: z.array(z.string().min(1).max(64)).min(1).max(MAX_RECEIPT_EVENTS),
    saltOf: perLeaf(z.number().int().min(0)),
  })
  .superRefine((r, ctx) => {
    for (const field of ['eventIds', 'offsets', 'commitments', 'typeOf', 'saltOf'] as const) {
      if (r[field].length !== r.treeSize)
        ctx.addIssue({ code: 'custom', path: [field], message: `holds ${r[field].length} leaves, not treeSize ${r.treeSize}` });
    }
    if (r.typeOf.some((i) => i >= r.eventTypes.length)) ctx.addIssue({ code: 'custom', path: ['typeOf'], message: 'an index past eventTypes' });
    if (r.saltOf.some((i) => i >= r.saltVersions.length)) ctx.addIssue({ code: 'custom', path: ['saltOf'], message: 'an index past saltVersions' });
    if (r.offsets.some((o, i) => i > 0 && o <= r.offsets[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['offsets'], message: 'not ascending' });
  });

export type ReceiptIssuedV2 = Readonly<z.infer<typeof receiptIssuedV2Schema>>;
