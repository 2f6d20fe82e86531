// The life of a long-running command (serve, worker) as one object: signals are heard from the first instant, and
// what a stop does depends on how far start-up got.
export type Phase = 'starting' | 'waiting-for-database' | 'running' | 'stopping';

export interface ProcessLifecycle {
  readonly phase: Phase;
  /** Until the database answers there is nothing to finish: a stop ends the process at once (after `onStop`). */
  waitForDatabase(onStop?: (signal: string) => void): void;
  /** The database answered; start-up goes on, and a stop asked for now waits for `running`. */
  databaseReached(): void;
  /** Started: a stop runs `shutdown`, once; a stop asked for during start-up runs it at once. */
  running(shutdown: (signal: string) => Promise<void>): Promise<void>;
}

/**
 * `signals: 'once'` lets a second SIGINT or SIGTERM end the process the default way (the worker); `'every'` ignores
 * it while stopping (the server, whose requests are finishing).
 */
export function processLifecycle(signals: 'once' | 'every'): ProcessLifecycle {
  let phase: Phase = 'starting';
  let requested: string | undefined;
  let onWaitingStop: ((signal: string) => void) | undefined;
  let shutdown: ((signal: string) => Promise<void>) | undefined;

  async function stop(signal: string) {
    switch (phase) {
      case 'starting':
        requested = signal;
        return;
      case 'waiting-for-database':
        requested = signal;
        onWaitingStop?.(signal);
        process.exit(0);
        return;
      case 'running':
        phase = 'stopping';
        return shutdown?.(signal);
      case 'stopping':
        return;
    }
  }
  const listen = signals === 'once' ? process.once.bind(process) : process.on.bind(process);
  listen('SIGTERM', () => void stop('SIGTERM'));
  listen('SIGINT', () => void stop('SIGINT'));

  return {
    get phase() {
      return phase;
    },
    waitForDatabase(onStop) {
      phase = 'waiting-for-database';
      onWaitingStop = onStop;
    },
    databaseReached() {
      phase = 'starting';
    },
    async running(stopping) {
      shutdown = stopping;
      phase = 'running';
      if (requested) await stop(requested);
    },
  };
}
