// Who calls a use case: the authenticated principal's ids and roles, and for reads
// the purpose and an optional break-glass justification.
import type { PurposeOfUse } from '@carechain/contracts';

export interface Requester {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** A service identity's granted purposes of use (its token's `purposes`). */
  readonly purposes?: readonly string[];
}

export interface ReadRequest {
  readonly requester: Requester;
  readonly purpose: PurposeOfUse;
  /** The clinician's written reason for emergency access without consent (x-break-glass-reason). */
  readonly breakGlassReason?: string;
}
