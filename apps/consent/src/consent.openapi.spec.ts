import { serviceOpenApi } from '@carechain/runtime';
import { CONSENT_HTTP, consentService } from './consent.service';

describe("consent's OpenAPI document", () => {
  it('declares every operation’s success with its body schema, and every parameter with the format its handler requires', async () => {
    const { gaps } = await serviceOpenApi(consentService, CONSENT_HTTP);
    expect(gaps).toEqual([]);
  });
});
