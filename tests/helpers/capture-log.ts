import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../runtime/index.js';

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, raw. */
  text(): string;
  /** Every record written so far, parsed. */
  records(): Record<string, unknown>[];
}

/** A real logger (same redaction, same format) writing into memory, so tests can read what was logged. */
export function captureLog(level = 'debug'): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const log = createLogger({ level, destination: stream });
  return {
    log,
    text: () => chunks.join(''),
    records: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
