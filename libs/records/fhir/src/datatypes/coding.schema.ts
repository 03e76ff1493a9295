// Coding and CodeableConcept, and the check of a required binding on a
// CodeableConcept (clinicalStatus, verificationStatus).
import { element } from './element';
import { many, opt } from './field';
import { preview } from '../fhir-issue';
import { boolean, code, fhirString, uri } from './primitive.schema';

export const Coding = element({
  system: opt(uri),
  version: opt(fhirString),
  code: opt(code),
  display: opt(fhirString),
  userSelected: opt(boolean),
});

export const CodeableConcept = element({
  coding: many(Coding),
  text: opt(fhirString),
});

/**
 * A CodeableConcept with a required binding: one of its codings SHALL come from
 * `system` with one of `codes`, and no coding of that system may carry another code.
 */
export function requiredConcept(system: string, codes: readonly string[]) {
  const valueSet = `${system} (${codes.join(' | ')})`;
  return CodeableConcept.superRefine((concept, ctx) => {
    const codings = (concept.coding ?? []).map((coding, index) => ({ coding, index })).filter(({ coding }) => coding.system === system);
    for (const { coding, index } of codings) {
      if (coding.code === undefined || !codes.includes(coding.code)) {
        const found = coding.code === undefined ? 'no code' : preview(coding.code);
        ctx.addIssue({
          code: 'custom',
          path: ['coding', index, 'code'],
          message: `${found} is not in the required value set ${valueSet}`,
          params: { fhir: 'code-invalid' },
        });
      }
    }
    if (codings.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: concept.coding ? ['coding'] : [],
        message: `required binding: a coding from ${valueSet} is required`,
        params: { fhir: 'code-invalid' },
      });
    }
  });
}
