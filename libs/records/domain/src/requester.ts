// Who calls a use case: the authenticated principal's ids and roles, and for reads
// the purpose and an optional break-glass justification.
import type { Requester } from '@carechain/consent-decision';
import type { PurposeOfUse } from '@carechain/contracts';

// The same caller consent decides for: its ids, roles and (for a service) granted purposes.
export type { Requester } from '@carechain/consent-decision';

export interface ReadRequest {
  readonly requester: Requester;
  readonly purpose: PurposeOfUse;
  /** The clinician's written reason for emergency access without consent (x-break-glass-reason). */
  readonly breakGlassReason?: string;
}
