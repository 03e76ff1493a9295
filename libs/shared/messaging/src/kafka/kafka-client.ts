// One kafkajs client per service, logging through the service's pino logger, and
// authenticated as the service's own principal where the cluster asks for it.
import { Kafka, logLevel as KafkaLogLevel, type LogEntry, type SASLOptions } from 'kafkajs';
import type { Logger } from '@carechain/telemetry';

/** SASL/SCRAM credentials of one principal (the password is read from a file or secret at boot, never logged). */
export interface KafkaSasl {
  readonly mechanism: 'scram-sha-512' | 'scram-sha-256';
  readonly username: string;
  readonly password: string;
}

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger: Logger;
  /** Absent: an unauthenticated client (a cluster with ACLs refuses it). */
  readonly sasl?: KafkaSasl;
  /** TLS to the brokers; `ca` (PEM) pins a private CA, otherwise the system's roots are trusted. */
  readonly tls?: { readonly ca?: string };
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

function saslOf({ mechanism, username, password }: KafkaSasl): SASLOptions {
  return mechanism === 'scram-sha-512' ? { mechanism, username, password } : { mechanism, username, password };
}

export function createKafka(options: KafkaClientOptions): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(options.sasl && { sasl: saslOf(options.sasl) }),
    ...(options.tls && { ssl: options.tls.ca ? { ca: [options.tls.ca] } : true }),
    // kafkajs' own retry covers broker restarts; our consumers add the DLQ policy on top.
    retry: { initialRetryTime: 200, retries: 10 },
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[LEVELS[level] ?? 'info']({ kafka: rest }, message);
      },
  });
}
