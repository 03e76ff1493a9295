import { serviceOpenApi } from '@carechain/runtime';
import { IDENTITY_HTTP, identityService } from './identity.service';

describe("identity's OpenAPI document", () => {
  it('declares every operation’s success with its body schema, and every parameter with the format its handler requires', async () => {
    const { gaps } = await serviceOpenApi(identityService, IDENTITY_HTTP);
    expect(gaps).toEqual([]);
  });
});
