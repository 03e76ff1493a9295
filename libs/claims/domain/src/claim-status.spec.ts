import { assertTransition, CLAIM_STATUSES, TRANSITIONS, type ClaimStatus } from './claim-status';
import { ClaimsError, ClaimsErrorCode } from './claims.error';

const allowed: [ClaimStatus, ClaimStatus][] = [
  ['submitted', 'verified'],
  ['submitted', 'denied'],
  ['submitted', 'cancelled'],
  ['verified', 'approved'],
  ['verified', 'partially-approved'],
  ['verified', 'denied'],
  ['verified', 'pended'],
  ['verified', 'cancelled'],
  ['pended', 'approved'],
  ['pended', 'partially-approved'],
  ['pended', 'denied'],
  ['pended', 'cancelled'],
  ['approved', 'paid'],
  ['partially-approved', 'paid'],
  ['partially-approved', 'appealed'],
  ['denied', 'appealed'],
  ['appealed', 're-adjudicated'],
  ['re-adjudicated', 'paid'],
];

describe('the claim state machine', () => {
  it('allows exactly the lifecycle of issue 9', () => {
    const table = CLAIM_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to]));
    expect(table.sort()).toEqual([...allowed].sort());
  });

  it.each(CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const)))(
    'refuses %s → %s, naming the current state',
    (from, to) => {
      try {
        assertTransition('c-1', from, to);
        throw new Error('expected a refusal');
      } catch (err) {
        expect(err).toBeInstanceOf(ClaimsError);
        expect((err as ClaimsError).code).toBe(ClaimsErrorCode.InvalidTransition);
        expect((err as ClaimsError).details.currentStatus).toBe(from);
        expect((err as ClaimsError).message).toContain(`is ${from}`);
      }
    },
  );

  it('lets nothing leave paid or cancelled', () => {
    expect(TRANSITIONS.paid).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
  });
});
