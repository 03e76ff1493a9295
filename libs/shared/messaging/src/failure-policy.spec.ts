import { ContractError, ContractErrorCode } from '@carechain/contracts';
import { backoff, decideFailure, isTransient, TransientError } from './failure-policy';
import { deadLetter, DlqHeaders } from './dead-letter';

const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 250 };

describe('failure policy', () => {
  it('dead-letters a contract violation at once', () => {
    const decision = decideFailure(new ContractError(ContractErrorCode.BadData, 'bad'), 1, policy);
    expect(decision).toEqual({ action: 'dead-letter', reason: 'contract: bad' });
  });

  it('retries ordinary failures with growing, capped backoff, then dead-letters', () => {
    expect(decideFailure(new Error('boom'), 1, policy)).toEqual({ action: 'retry', delayMs: 100, countsAsAttempt: true });
    expect(decideFailure(new Error('boom'), 2, policy)).toEqual({ action: 'retry', delayMs: 200, countsAsAttempt: true });
    const last = decideFailure(new Error('boom'), 3, policy);
    expect(last.action).toBe('dead-letter');
    expect(last.action === 'dead-letter' && last.reason).toContain('failed 3 times: Error: boom');
    expect(backoff(10, policy)).toBe(250);
  });

  it('waits out dependency outages without spending attempts', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isTransient(refused)).toBe(true);
    expect(isTransient(new Error('Connection is closed.'))).toBe(true);
    expect(isTransient(new TransientError('redis down'))).toBe(true);
    expect(decideFailure(refused, 99, policy)).toMatchObject({ action: 'retry', countsAsAttempt: false });
  });

  it('keeps the original bytes and says where a dead letter came from', () => {
    const letter = deadLetter(
      { topic: 't', partition: 2, offset: '41', key: 'k', value: Buffer.from('raw'), headers: { traceparent: 'tp' } },
      'x'.repeat(5000),
      'group',
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(letter.value.toString()).toBe('raw');
    expect(letter.key).toBe('k');
    expect(letter.headers).toMatchObject({
      traceparent: 'tp',
      [DlqHeaders.sourceTopic]: 't',
      [DlqHeaders.sourcePartition]: '2',
      [DlqHeaders.sourceOffset]: '41',
      [DlqHeaders.consumerGroup]: 'group',
      [DlqHeaders.failedAt]: '2026-01-01T00:00:00.000Z',
    });
    expect(letter.headers[DlqHeaders.reason]).toHaveLength(2000);
  });
});
