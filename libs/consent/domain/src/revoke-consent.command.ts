// POST /consents/:id/revoke: optionally signed by the patient over revokeSigningPayload.
import { z } from 'zod';
import { patientSignatureSchema } from '@carechain/contracts';

export const revokeConsentSchema = z.object({ signature: patientSignatureSchema.strict().optional() }).strict();

export type RevokeConsentCommand = z.infer<typeof revokeConsentSchema>;
