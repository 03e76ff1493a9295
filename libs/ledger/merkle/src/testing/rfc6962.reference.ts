// A literal, slow transcription of RFC 6962 §2.1 (MTH) and §2.1.1 (PATH) for the
// specs to check the fast implementation against. It shares no code with src/ on
// purpose: a bug there cannot hide by being repeated here.
import { createHash } from 'node:crypto';

function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  parts.forEach((part) => h.update(part));
  return h.digest();
}

/** Largest power of two strictly smaller than n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

export function referenceRoot(leaves: readonly Uint8Array[]): Buffer {
  const n = leaves.length;
  if (n === 0) {
    return sha256();
  }
  if (n === 1) {
    return sha256(Uint8Array.of(0x00), leaves[0]);
  }
  const k = splitPoint(n);
  return sha256(Uint8Array.of(0x01), referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

export function referencePath(index: number, leaves: readonly Uint8Array[]): Buffer[] {
  const n = leaves.length;
  if (n <= 1) {
    return [];
  }
  const k = splitPoint(n);
  return index < k
    ? [...referencePath(index, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(index - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

/** Distinct, variable-length leaves (including an empty one) so no size is special-cased. */
export function sampleLeaves(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.from(i === 0 ? '' : 'leaf-'.repeat(i % 3) + String(i), 'utf8'));
}
