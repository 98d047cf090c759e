import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteSynchronous } from './database.ts';

/**
 * SQLite WAL checkpoints off the main thread. better-sqlite3 is synchronous: left to itself, the
 * commit that takes the WAL past `wal_autocheckpoint` pages copies the whole WAL into the database
 * file and syncs it inside that commit, with the event loop blocked (632 ms measured on a 1M-mistake
 * database after a bulk load, 15–40 ms for an ordinary 4 MB WAL on a loaded machine). Here a worker
 * thread with its own connection runs `wal_checkpoint(PASSIVE)` every `intervalMs`; a passive
 * checkpoint never waits for readers or writers, so requests go on while it runs. The app's
 * connection keeps a high autocheckpoint as a safety net should the worker ever fall behind.
 */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** The app connection's own fallback threshold, in pages (4 KiB each): about 80 MB of WAL. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

/** The worker's whole program: CommonJS, evaluated from this string (no build step, no tsx in workers). */
const program = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma(workerData.synchronous === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: next time */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
parentPort.postMessage('ready');
`;

/** A running checkpointer; `stop` checkpoints once more and closes its connection. */
export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing `file` (a WAL-mode SQLite database) in a worker thread. */
export function startCheckpointer(
  file: string,
  options: { synchronous: SqliteSynchronous; intervalMs?: number },
): Checkpointer {
  const worker = new Worker(program, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      synchronous: options.synchronous,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
    },
  });
  // Never keeps the process alive on its own; a worker that fails leaves the fallback threshold.
  worker.unref();
  let failed = false;
  worker.on('error', () => {
    failed = true;
  });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= failed
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => resolve();
            worker.once('exit', done);
            worker.once('error', done);
            worker.on('message', (m) => {
              if (m === 'stopped') void worker.terminate().then(done, done);
            });
            worker.postMessage('stop');
          });
      return stopping;
    },
  };
}
