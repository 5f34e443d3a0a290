// Where the rest of Watchfloor gets its Store. Today: the embedded SQLite file in the data
// folder. A PostgreSQL backend plugs in here, chosen by a postgres:// URL.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WatchfloorError } from '../errors.js';
import { SqliteStore, storeError } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DATABASE_FILE = 'watchfloor.db';

export type OpenStoreOptions = {
  /** Folder for the embedded database (created if missing). */
  dataDir: string;
  /** A server database instead of the embedded file, e.g. postgres://host/db (not yet available). */
  url?: string;
};

/** Opens the store and brings its schema to the newest migration. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.url !== undefined && opts.url !== '') {
    throw new WatchfloorError('CONFIG', 'only the embedded SQLite store is available in this version', {
      subject: opts.url, hint: 'leave the database URL unset to use the data folder',
    });
  }
  const dir = resolve(opts.dataDir);
  const path = join(dir, DATABASE_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw storeError(path, 'cannot create the data folder', err);
  }
  const store = new SqliteStore(path);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
