import { serviceOpenApi } from '@carechain/runtime';
import { CLAIMS_HTTP, claimsService } from './claims.service';

describe("the claims service's OpenAPI document", () => {
  it('declares every operation’s success with its body schema, and every parameter with the format its handler requires', async () => {
    const { gaps } = await serviceOpenApi(claimsService, CLAIMS_HTTP);
    expect(gaps).toEqual([]);
  });
});
