// Binds the consent service's state to its topics: one replica over the patient
// registry and the grant book (which also drops erased patients' grants).
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Topics } from '@carechain/contracts';
import { CONSENT_STATE_EVENTS, ConsentState } from '@carechain/consent-domain';
import type { ReplicatedRecord } from '@carechain/messaging';
import { replica } from '@carechain/runtime';

@Controller()
export class ConsentEvents {
  constructor(private readonly state: ConsentState) {}

  @EventPattern([Topics.identityPatient, Topics.consentGrant], replica('carechain.consent.state', CONSENT_STATE_EVENTS))
  consentState(record: ReplicatedRecord): void | Promise<void> {
    return this.state.apply(record);
  }
}
