import { createHash } from 'node:crypto';

/**
 * The batch id: SHA-256 of (topic, partition, first offset, last offset). The same
 * events always make the same id, so the chaincode's refusal of a known id is what
 * keeps a crashed-and-restarted writer from anchoring anything twice.
 */
export function batchIdOf(topic: string, partition: number, firstOffset: string, lastOffset: string): string {
  return createHash('sha256').update(`carechain-batch\n${topic}\n${partition}\n${firstOffset}\n${lastOffset}`).digest('hex');
}
