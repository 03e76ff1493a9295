// Every example by resource type, for specs that run over all supported types.
import type { SupportedResourceType } from '../record-category';
import * as administrative from './administrative.examples';
import * as clinical from './clinical.examples';

type Example = () => Record<string, unknown>;

export const EXAMPLES: Record<SupportedResourceType, { full: Example; minimal: Example }> = {
  Condition: { full: clinical.fullCondition, minimal: clinical.minimalCondition },
  AllergyIntolerance: { full: clinical.fullAllergyIntolerance, minimal: clinical.minimalAllergyIntolerance },
  MedicationStatement: { full: clinical.fullMedicationStatement, minimal: clinical.minimalMedicationStatement },
  Observation: { full: clinical.fullObservation, minimal: clinical.minimalObservation },
  Encounter: { full: administrative.fullEncounter, minimal: administrative.minimalEncounter },
  Appointment: { full: administrative.fullAppointment, minimal: administrative.minimalAppointment },
  Communication: { full: administrative.fullCommunication, minimal: administrative.minimalCommunication },
  ChargeItem: { full: administrative.fullChargeItem, minimal: administrative.minimalChargeItem },
};
