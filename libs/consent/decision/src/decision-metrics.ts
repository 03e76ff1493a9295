// Every service that decides access counts its decisions the same way: by outcome
// and basis (or deny reason), with the time decide() took.
import { counter, histogram, METRICS } from '@carechain/telemetry';
import type { Decision } from './decision';

const decisions = counter(METRICS.consentDecisions);
const duration = histogram(METRICS.consentDecisionDuration);

export function recordDecision(decision: Decision, seconds: number): void {
  const outcome = decision.effect;
  decisions.add(1, { 'carechain.decision.outcome': outcome, 'carechain.decision.basis': decision.effect === 'permit' ? decision.basis : decision.reason });
  duration.record(seconds, { 'carechain.decision.outcome': outcome });
}
