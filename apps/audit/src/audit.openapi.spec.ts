import { serviceOpenApi } from '@carechain/runtime';
import { AUDIT_HTTP, auditService } from './audit.service';

describe("the audit service's OpenAPI document", () => {
  it('declares every operation’s success with its body schema, and every parameter with the format its handler requires', async () => {
    const { gaps } = await serviceOpenApi(auditService, AUDIT_HTTP);
    expect(gaps).toEqual([]);
  });
});
