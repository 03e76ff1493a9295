// The schema of each supported resource type, and the resulting resource types.
import type { z } from 'zod';
import type { SupportedResourceType } from './record-category';
import { AllergyIntoleranceSchema } from './resources/allergy-intolerance.schema';
import { AppointmentSchema } from './resources/appointment.schema';
import { ChargeItemSchema } from './resources/charge-item.schema';
import { CommunicationSchema } from './resources/communication.schema';
import { ConditionSchema } from './resources/condition.schema';
import { EncounterSchema } from './resources/encounter.schema';
import { MedicationStatementSchema } from './resources/medication-statement.schema';
import { ObservationSchema } from './resources/observation.schema';

export const RESOURCE_SCHEMAS = {
  Condition: ConditionSchema,
  AllergyIntolerance: AllergyIntoleranceSchema,
  MedicationStatement: MedicationStatementSchema,
  Observation: ObservationSchema,
  Encounter: EncounterSchema,
  Appointment: AppointmentSchema,
  Communication: CommunicationSchema,
  ChargeItem: ChargeItemSchema,
} as const satisfies Record<SupportedResourceType, z.ZodType>;

/** A validated resource of type `T`. */
export type FhirResourceOf<T extends SupportedResourceType> = z.output<(typeof RESOURCE_SCHEMAS)[T]>;
/** Any validated resource carechain stores. */
export type FhirResource = { [T in SupportedResourceType]: FhirResourceOf<T> }[SupportedResourceType];
