import type { Role } from './roles';

/** Who a verified token speaks for. Built only by the token verifier, frozen. */
export interface Principal {
  /** The token's `sub`: a user, patient or service id at the issuer. */
  readonly subject: string;
  /** Known roles only, deduplicated, never empty. */
  readonly roles: readonly Role[];
  /** The token's `org` claim: the organisation the subject acts for. */
  readonly organisation: string;
  /**
   * For a `service` identity only: the purposes of use its deployment grants it (the
   * token's `purposes` claim, HL7 PurposeOfUse codes). A service asserts no purpose
   * otherwise; other roles carry theirs by role (see ROLE_PURPOSES).
   */
  readonly purposes?: readonly string[];
  /**
   * For a `service` identity bound to one patient (its token's `patient` claim): it acts
   * for that patient, on their request, and stands in no relationship to anyone else.
   */
  readonly patient?: string;
  /** The token's `jti`, when the issuer sets one (audit entries cite it). */
  readonly tokenId?: string;
}
