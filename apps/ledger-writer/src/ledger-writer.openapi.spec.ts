import { serviceOpenApi } from '@carechain/runtime';
import { ledgerWriterService } from './ledger-writer.service';

describe("the ledger-writer's OpenAPI document", () => {
  it('declares its read-model operations’ success with their body schemas (it has no HTTP API of its own)', async () => {
    const { document, gaps } = await serviceOpenApi(ledgerWriterService, { controllers: [], problems: [] });
    expect(Object.keys(document.paths)).toEqual(['/admin/read-models', '/admin/read-models/{name}/rebuild']);
    expect(gaps).toEqual([]);
  });
});
