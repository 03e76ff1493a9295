// What POST /decisions answers: the Decision of @carechain/consent-decision, flattened
// for clients, with an id that the BreakGlassInvoked event (and the caller's own audit
// entry) can cite. Ids and codes only, no free text from the request.
import type { Decision, DecisionBasis, DenyReason } from '@carechain/consent-decision';
import type { DataCategory } from '@carechain/contracts';

export interface DecisionAnswer {
  readonly decision: 'permit' | 'deny';
  readonly basis?: DecisionBasis;
  readonly grantId?: string;
  readonly grantIds: readonly string[];
  readonly permitted: readonly DataCategory[];
  readonly denied: readonly DataCategory[];
  readonly reason?: DenyReason;
  readonly message?: string;
  readonly breakGlass: boolean;
  readonly decisionId: string;
}

export function answerOf(decision: Decision, decisionId: string): DecisionAnswer {
  if (decision.effect === 'permit') {
    return {
      decision: 'permit',
      basis: decision.basis,
      ...(decision.grantId !== undefined && { grantId: decision.grantId }),
      grantIds: decision.grantIds,
      permitted: decision.permitted,
      denied: decision.denied,
      breakGlass: decision.breakGlass,
      decisionId,
    };
  }
  return {
    decision: 'deny',
    grantIds: decision.grantIds,
    permitted: decision.permitted,
    denied: decision.denied,
    reason: decision.reason,
    message: decision.message,
    breakGlass: false,
    decisionId,
  };
}
