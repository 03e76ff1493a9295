// The vocabulary of consent: what a grant covers (record categories) and why
// data may be used (HL7 v3 PurposeOfUse codes, from the ActReason code system).
import { z } from 'zod';

/** Record categories: each FHIR resource type carechain stores maps to exactly one. */
export const RECORD_CATEGORIES = ['conditions', 'allergies', 'medications', 'observations', 'encounters', 'appointments', 'communications', 'billing'] as const;
export const recordCategorySchema = z.enum(RECORD_CATEGORIES);
export type RecordCategory = z.infer<typeof recordCategorySchema>;

/**
 * What a grant may cover: the record categories, and the patient's demographics
 * (name, birth date, contact details, identifiers) that identity holds. Reading
 * demographics needs a basis like reading records does.
 */
export const DATA_CATEGORIES = [...RECORD_CATEGORIES, 'demographics'] as const;
export const dataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof dataCategorySchema>;

/**
 * HL7 v3 PurposeOfUse (2.16.840.1.113883.1.11.20448) codes carechain understands:
 * TREAT treatment, ETREAT emergency treatment, HPAYMT payment, HOPERAT operations,
 * HRESCH research, PATRQT patient request, PUBHLTH public health.
 */
export const PURPOSES_OF_USE = ['TREAT', 'ETREAT', 'HPAYMT', 'HOPERAT', 'HRESCH', 'PATRQT', 'PUBHLTH'] as const;
export const purposeOfUseSchema = z.enum(PURPOSES_OF_USE);
export type PurposeOfUse = z.infer<typeof purposeOfUseSchema>;
