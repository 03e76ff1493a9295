// What claims reads out of a validated FHIR Claim: the patient, the coverage, and
// per item the code, day, units, unit price and the carechain record documenting it.
// A Claim that FHIR accepts but that lacks these is refused with the FHIRPath of
// what is missing.
import type { FhirClaim } from '@carechain/records-fhir';
import { unprocessable } from './claims.error';

export interface ParsedItem {
  readonly sequence: number;
  readonly code: { readonly system?: string; readonly code: string };
  readonly serviceDate: string;
  readonly quantity: number;
  /** Minor units (cents). */
  readonly unitPrice: number;
  readonly currency?: string;
  /** The carechain record documenting the service; a preauthorization bills for care not given yet, so none. */
  readonly recordId?: string;
}

export interface ParsedClaim {
  readonly patientId: string;
  readonly provider: string;
  readonly coverageId: string;
  readonly insurer?: string;
  readonly use: 'claim' | 'preauthorization';
  readonly items: readonly ParsedItem[];
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ORG = '[A-Za-z0-9._-]{1,64}';

function idIn(reference: string | undefined, type: string, pattern: string): string | undefined {
  return new RegExp(`^${type}/(${pattern})$`).exec(reference ?? '')?.[1];
}

function required<T>(value: T | undefined, path: string, message: string): T {
  if (value === undefined) throw unprocessable(path, message);
  return value;
}

export function parseClaim(claim: FhirClaim): ParsedClaim {
  if (claim.use === 'predetermination') throw unprocessable('Claim.use', 'carechain takes claims and preauthorizations, not predeterminations');
  const patientId = required(idIn(claim.patient.reference, 'Patient', UUID), 'Claim.patient', 'the patient must be a reference Patient/<carechain patient id>');
  const provider = required(
    idIn(claim.provider.reference, 'Organization', ORG),
    'Claim.provider',
    'the provider must be a reference Organization/<organisation id>',
  );
  const focal = claim.insurance.findIndex((i) => i.focal);
  if (focal < 0) throw unprocessable('Claim.insurance', 'one insurance must be focal');
  const coverageId = required(
    idIn(claim.insurance[focal].coverage.reference, 'Coverage', UUID),
    `Claim.insurance[${focal}].coverage`,
    'the focal coverage must be a reference Coverage/<coverage id>',
  );
  const insurer =
    claim.insurer === undefined
      ? undefined
      : required(idIn(claim.insurer.reference, 'Organization', ORG), 'Claim.insurer', 'the insurer must be a reference Organization/<organisation id>');
  const items = required(claim.item, 'Claim.item', 'a claim bills at least one item');
  const info = new Map((claim.supportingInfo ?? []).map((s) => [s.sequence, s]));
  return {
    patientId,
    provider,
    coverageId,
    ...(insurer !== undefined && { insurer }),
    use: claim.use,
    items: items.map((item, i): ParsedItem => {
      const at = `Claim.item[${i}]`;
      const coding = required(
        item.productOrService.coding?.find((c) => c.code !== undefined),
        `${at}.productOrService`,
        'the service needs a coded productOrService',
      );
      const serviceDate = required(item.servicedDate ?? item.servicedPeriod?.start, `${at}.serviced[x]`, 'each item needs its service date');
      const quantity = item.quantity?.value ?? 1;
      if (!Number.isInteger(quantity) || quantity < 1) throw unprocessable(`${at}.quantity`, 'the quantity must be a whole number of units, at least 1');
      const price = required(
        item.unitPrice?.value ?? (item.net?.value === undefined ? undefined : item.net.value / quantity),
        `${at}.unitPrice`,
        'each item needs its unit price (or net)',
      );
      const recordIds = (item.informationSequence ?? []).flatMap((seq) => {
        const reference = info.get(seq)?.valueReference?.reference;
        const id = /^(?:Encounter|Observation|ChargeItem)\/([0-9a-f-]{36})$/.exec(reference ?? '')?.[1];
        return id === undefined ? [] : [id];
      });
      const recordId =
        claim.use === 'claim'
          ? required(
              recordIds[0],
              `${at}.informationSequence`,
              'each item must name the carechain record documenting it: informationSequence → supportingInfo.valueReference Encounter|Observation|ChargeItem/<record id>',
            )
          : recordIds[0];
      const currency = item.unitPrice?.currency ?? item.net?.currency;
      return {
        sequence: item.sequence,
        code: { ...(coding.system !== undefined && { system: coding.system }), code: coding.code! },
        serviceDate: serviceDate.slice(0, 10),
        quantity,
        unitPrice: Math.round(price * 100),
        ...(currency !== undefined && { currency }),
        ...(recordId !== undefined && { recordId }),
      };
    }),
  };
}
