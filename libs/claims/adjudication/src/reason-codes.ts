// The X12 codes the engine puts on an item: Claim Adjustment Reason Codes (CARC)
// for why an amount was adjusted or denied, Remittance Advice Remark Codes (RARC)
// for what is missing. https://x12.org/codes
import type { ReasonCode } from '@carechain/contracts';

const carc = (code: string): ReasonCode => ({ system: 'carc', code });
const rarc = (code: string): ReasonCode => ({ system: 'rarc', code });

export const Reasons = {
  /** Deductible amount. */
  deductible: carc('1'),
  /** Coinsurance amount. */
  coinsurance: carc('2'),
  /** Co-payment amount. */
  copay: carc('3'),
  /** Claim/service lacks information or has submission/billing error(s). */
  lacksInformation: carc('16'),
  /** Exact duplicate claim/service. */
  duplicate: carc('18'),
  /** Expenses incurred prior to coverage. */
  beforeCoverage: carc('26'),
  /** Expenses incurred after coverage terminated. */
  afterCoverage: carc('27'),
  /** The time limit for filing has expired. */
  timelyFiling: carc('29'),
  /** Charge exceeds fee schedule/maximum allowable. */
  exceedsFeeSchedule: carc('45'),
  /** Claim/service not covered by this payer/contractor. */
  notThisPayer: carc('109'),
  /** The information submitted does not support this many/frequency of services. */
  frequency: carc('151'),
  /** Precertification/notification/authorization/pre-treatment absent. */
  authorisationAbsent: carc('197'),
  /** This service is not covered under the patient's current benefit plan. */
  notCovered: carc('204'),
  /** Missing patient medical record for this service. */
  missingRecord: rarc('M127'),
  /** Documentation does not match the service billed: the record is of another patient, author, code or date. */
  recordMismatch: rarc('N706'),
} as const;
