import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Events have stable names (`request.created`), and
 * callers pass only identifiers and counts: never names, addresses or free text of a requester.
 *
 * In a function the lines are written by Powertools for AWS Lambda's Logger, which adds the
 * Lambda request id, the X-Ray trace id and the cold-start flag to every line once the
 * {@link observability} middleware has seen the invocation. Tests and tools may pass a `write`
 * function instead and get the same JSON shape without Powertools' Lambda fields.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const POWERTOOLS_LEVEL = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', silent: 'SILENT' } as const;

const powertoolsLoggers = new Map<string, PowertoolsLogger>();

/**
 * The Powertools Logger of a service, one per process, so the middleware that stamps the Lambda
 * context on it and the code that logs share it.
 */
export function powertoolsLogger(service: string, level: LogLevel = levelFromEnv()): PowertoolsLogger {
  let logger = powertoolsLoggers.get(service);
  if (!logger) {
    logger = new PowertoolsLogger({ serviceName: service, logLevel: POWERTOOLS_LEVEL[level] ?? 'INFO' });
    powertoolsLoggers.set(service, logger);
  }
  return logger;
}

const levelFromEnv = (): LogLevel => {
  const level = process.env.LOG_LEVEL as LogLevel | undefined;
  return level && level in ORDER ? level : 'info';
};

/** Our event-and-fields interface over a Powertools Logger; `child` adds fields to every line. */
function overPowertools(logger: PowertoolsLogger, base: LogFields): Logger {
  const emit = (method: 'debug' | 'info' | 'warn' | 'error') => (event: string, fields?: LogFields) =>
    logger[method]({ message: event, event, ...base, ...fields });
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => overPowertools(logger, { ...base, ...fields }),
  };
}

/** Plain JSON lines to `write`, for tests and tools that collect what is logged. */
function lineLogger(service: string, level: LogLevel, base: LogFields, write: (line: string) => void): Logger {
  const threshold = ORDER[level] ?? ORDER.info;
  const emit = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields?: LogFields) => {
    if (ORDER[lvl] < threshold) return;
    write(JSON.stringify({ level: lvl, time: new Date().toISOString(), service, event, ...base, ...fields }));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => lineLogger(service, level, { ...base, ...fields }, write),
  };
}

/** The logger of a service: Powertools' unless the caller collects the lines itself. */
export function createLogger(service: string, level: LogLevel = levelFromEnv(), base: LogFields = {}, write?: (line: string) => void): Logger {
  return write ? lineLogger(service, level, base, write) : overPowertools(powertoolsLogger(service, level), base);
}

/** The error's class name only: messages can carry data from the request. */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
