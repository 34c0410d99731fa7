import { type DestinationStream, type Logger, pino } from 'pino';
import { redactSecrets, redactText } from './redact.js';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  level?: string;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
  name?: string;
}

/** JSON logs, every record scrubbed of secrets. A request's lines carry its id through its own child (`c.get('log')`). */
export function createLogger({ level = 'info', destination, name = 'addon' }: CreateLoggerOptions = {}): Logger {
  return pino(
    {
      name,
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (record) => redactSecrets(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      // pino serialises `err` itself; route it through the same scrubber.
      serializers: { err: (error: unknown) => redactSecrets(error) },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
