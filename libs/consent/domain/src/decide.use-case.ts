// The access decision for the caller: decide() from @carechain/consent-decision over
// the local state, no network hop. The one wait is a break-glass permit:
// BreakGlassInvoked is published (and acknowledged) before the answer, so no
// emergency read can happen that the patient, audit and the ledger are not told of.
import { randomUUID } from 'node:crypto';
import { BREAK_GLASS_INVOKED_V1, createEvent, Topics } from '@carechain/contracts';
import { ConsentDecisionError, decide, groupGrants, recordDecision, requesterOf, type AccessRequest, type Decision } from '@carechain/consent-decision';
import { secondsSince } from '@carechain/telemetry';
import { isPermitted, relationshipOf } from '@carechain/auth';
import type { EventPublisher } from '@carechain/messaging';
import { assertRecordable, type Caller } from './consent-caller';
import { CONSENT_SOURCE } from './consent-source';
import type { ConsentState } from './consent-state';
import { ConsentError, ConsentErrorCode } from './consent.error';
import type { DecideCommand } from './decide.command';
import { answerOf, type DecisionAnswer } from './decision-answer';

export class DecideUseCase {
  constructor(
    private readonly state: ConsentState,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  /**
   * The answer; a break-glass permit settles once its event is acknowledged. Rejects
   * with INVALID_REQUEST on a request the decision refuses as malformed.
   */
  async execute(command: DecideCommand, caller: Caller): Promise<DecisionAnswer> {
    // A patient merged into another is decided as the survivor: its custodian, its grants.
    const governing = this.state.survivor(command.patientId)?.patientId ?? command.patientId;
    // A service identity bound to one patient reads that patient's data and asks nothing about them (ACCESS_POLICY).
    if (caller.patient !== undefined) {
      const relationship = relationshipOf(caller, { patientId: governing, custodian: '', aliases: this.state.mergedInto(governing) });
      if (!isPermitted('consent.decide', caller.roles, relationship)) {
        throw new ConsentError(ConsentErrorCode.Forbidden, 'a service identity bound to a patient asks no consent decisions about them');
      }
    }
    const request: AccessRequest = {
      patientId: governing,
      requester: requesterOf(caller),
      categories: command.categories,
      purpose: command.purpose,
      at: this.now(),
      ...(command.breakGlassReason !== undefined && { breakGlass: { reason: command.breakGlassReason } }),
    };
    let decision: Decision;
    try {
      // Patients merged into the survivor are the same person: their grants and ids count too.
      const patient = this.state.patient(governing);
      const aliases = this.state.mergedInto(governing);
      const started = performance.now();
      decision = decide(
        request,
        patient && { ...patient, aliases },
        groupGrants(governing, aliases, (id) => this.state.grants(id)),
      );
      recordDecision(decision, secondsSince(started));
    } catch (err) {
      if (err instanceof ConsentDecisionError) throw new ConsentError(ConsentErrorCode.InvalidRequest, err.message);
      throw err;
    }
    const answer = answerOf(decision, this.newId());
    if (decision.breakGlass) await this.publishBreakGlass(request, answer);
    return answer;
  }

  private async publishBreakGlass(request: AccessRequest, answer: DecisionAnswer): Promise<void> {
    const caller = request.requester;
    assertRecordable(caller);
    const event = createEvent({
      type: BREAK_GLASS_INVOKED_V1,
      source: CONSENT_SOURCE,
      subject: request.patientId,
      actor: caller.subject,
      actororg: caller.organisation,
      time: request.at,
      data: {
        decisionId: answer.decisionId,
        patientId: request.patientId,
        requester: { subject: caller.subject, organisation: caller.organisation },
        categories: [...answer.permitted],
        purpose: request.purpose,
        // Allowed means 10 to 500 characters once trimmed (see isBreakGlassAllowed).
        reason: request.breakGlass!.reason.trim(),
      },
    });
    await this.publisher.publish(Topics.consentGrant, event, { key: request.patientId });
  }
}
