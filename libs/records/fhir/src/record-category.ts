// Which FHIR resource types carechain stores, and the consent category of each:
// a grant covers categories, so every stored resource must map to exactly one.
import { RECORD_CATEGORIES, type RecordCategory } from '@carechain/contracts';
import { FhirError, FhirErrorCode } from './fhir.error';

export const SUPPORTED_RESOURCE_TYPES = [
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'Observation',
  'Encounter',
  'Appointment',
  'Communication',
  'ChargeItem',
] as const;
export type SupportedResourceType = (typeof SUPPORTED_RESOURCE_TYPES)[number];

const CATEGORY_OF: Readonly<Record<SupportedResourceType, RecordCategory>> = {
  Condition: 'conditions',
  AllergyIntolerance: 'allergies',
  MedicationStatement: 'medications',
  Observation: 'observations',
  Encounter: 'encounters',
  Appointment: 'appointments',
  Communication: 'communications',
  ChargeItem: 'billing',
};

const TYPES_OF: ReadonlyMap<RecordCategory, readonly SupportedResourceType[]> = new Map(
  RECORD_CATEGORIES.map((category) => [category, Object.freeze(SUPPORTED_RESOURCE_TYPES.filter((type) => CATEGORY_OF[type] === category))]),
);

export function isSupportedResourceType(value: unknown): value is SupportedResourceType {
  return typeof value === 'string' && Object.hasOwn(CATEGORY_OF, value);
}

/** The consent category of a resource type. Throws on a type carechain does not store. */
export function categoryOf(resourceType: SupportedResourceType): RecordCategory {
  if (!isSupportedResourceType(resourceType)) {
    throw new FhirError(FhirErrorCode.UnsupportedResourceType, `${String(resourceType)} is not one of ${SUPPORTED_RESOURCE_TYPES.join(', ')}`);
  }
  return CATEGORY_OF[resourceType];
}

/** The resource types a consent category covers (empty for a category no type maps to). */
export function resourceTypesOf(category: RecordCategory): readonly SupportedResourceType[] {
  return TYPES_OF.get(category) ?? [];
}
