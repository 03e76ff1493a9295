// Names claims uses on the bus and in Redis.
import { ConsumerGroups } from '@carechain/contracts';

/** The CloudEvents `source` of everything claims publishes. */
export const CLAIMS_SOURCE = '/carechain/claims';

/** The read model's name, and so its Redis namespace `rm:claims.claims:`. */
export const CLAIMS_READ_MODEL = 'claims.claims';

export const CLAIMS_READ_MODEL_GROUP = ConsumerGroups.claimsReadModel;
