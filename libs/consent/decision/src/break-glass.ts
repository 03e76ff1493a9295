// Break-glass: a clinician's emergency override of missing consent. Narrow on purpose,
// since every use is reviewed after the fact: the clinician role, a written reason of
// some substance, and treatment only.
import type { AccessRequest } from './access-request';
import { isTreatment } from './treatment';

export const BREAK_GLASS_ROLE = 'clinician';
// Ten characters rules out "x" or "emergency" as the whole justification; 500 keeps
// the audited reason a note, not a clinical record smuggled into the audit trail.
export const BREAK_GLASS_REASON_MIN = 10;
export const BREAK_GLASS_REASON_MAX = 500;

/**
 * Whether the request may break the glass: a breakGlass reason of 10 to 500 characters
 * (Unicode code points, leading and trailing whitespace not counted), the clinician
 * role, and purpose TREAT or ETREAT. Says nothing of whether break-glass is needed.
 */
export function isBreakGlassAllowed(request: AccessRequest): boolean {
  const reason = request.breakGlass?.reason;
  if (typeof reason !== 'string') return false;
  if (!isTreatment(request.purpose) || !request.requester.roles.includes(BREAK_GLASS_ROLE)) return false;
  const trimmed = reason.trim();
  // A code point is at most two UTF-16 units: past this the reason is too long without counting.
  if (trimmed.length > 2 * BREAK_GLASS_REASON_MAX) return false;
  const length = codePoints(trimmed);
  return length >= BREAK_GLASS_REASON_MIN && length <= BREAK_GLASS_REASON_MAX;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
