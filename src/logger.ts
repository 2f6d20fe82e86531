import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs, pretty on a terminal. Credentials never reach a log line, wherever they appear. */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'authorization',
        'token',
        '*.token',
        'connectionParams.authorization',
        'adminToken',
        'secret',
      ],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
