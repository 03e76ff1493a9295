// Names records uses on the bus and in Redis.
import { ConsumerGroups } from '@carechain/contracts';

/** The CloudEvents `source` of everything records publishes. */
export const RECORDS_SOURCE = '/carechain/records';

/** The read model's name, and so its Redis namespace `rm:records.records:`. */
export const RECORDS_READ_MODEL = 'records.records';

export const RECORDS_READ_MODEL_GROUP = ConsumerGroups.recordsReadModel;
