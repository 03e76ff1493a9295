/** The CloudEvents `source` of every event the consent service publishes. */
export const CONSENT_SOURCE = '/carechain/consent';
