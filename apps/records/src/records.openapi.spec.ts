import { serviceOpenApi } from '@carechain/runtime';
import { RECORDS_HTTP, recordsService } from './records.service';

describe("the records service's OpenAPI document", () => {
  it('declares every operation’s success with its body schema, and every parameter with the format its handler requires', async () => {
    const { gaps } = await serviceOpenApi(recordsService, RECORDS_HTTP);
    expect(gaps).toEqual([]);
  });
});
