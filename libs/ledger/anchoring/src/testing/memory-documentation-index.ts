// The documentation index in memory, for the specs of its writer and its reader.
import type { DocumentationProof } from '@carechain/ledger-chaincode-api';
import type { DocumentationIndex } from '../documentation-index';

export class MemoryDocumentationIndex implements DocumentationIndex {
  readonly map = new Map<string, DocumentationProof>();

  async putAll(entries: ReadonlyMap<string, DocumentationProof>): Promise<void> {
    entries.forEach((proof, eventId) => this.map.set(eventId, proof));
  }

  async getAll(eventIds: readonly string[]): Promise<Map<string, DocumentationProof>> {
    return new Map(eventIds.flatMap((id) => (this.map.has(id) ? [[id, this.map.get(id)!] as const] : [])));
  }
}
