import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WatchfloorError } from '../../errors.js';
import { makeDocument } from '../fixtures/document-factory.js';
import { DATABASE_FILE, openStore } from '../open-store.js';
import { runStoreContract } from '../store.contract.js';
import { SqliteStore, sqliteMigrations } from './sqlite-store.js';

const root = mkdtempSync(join(tmpdir(), 'watchfloor-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let lastDir = '';
const freshDir = () => join(root, `s${++n}`);

runStoreContract('sqlite', async () => {
  lastDir = freshDir();
  return openStore({ dataDir: lastDir });
}, () => openStore({ dataDir: lastDir }));

describe('SqliteStore specifics', () => {
  it('creates the data folder and watchfloor.db with WAL, NORMAL sync, foreign keys, busy timeout', async () => {
    const dir = join(freshDir(), 'nested', 'deeper');
    const store = await openStore({ dataDir: dir }) as SqliteStore;
    try {
      assert.equal(store.path, join(dir, DATABASE_FILE));
      assert.equal(store.pragma('journal_mode'), 'wal');
      assert.equal(store.pragma('synchronous'), 1); // NORMAL
      assert.equal(store.pragma('foreign_keys'), 1);
      assert.ok(Number(store.pragma('busy_timeout')) >= 1000);
      assert.deepEqual(await store.integrityCheck(), ['ok']);
    } finally {
      await store.close();
    }
  });

  it('records each migration once, however often migrate() runs', async () => {
    const dir = freshDir();
    const store = await openStore({ dataDir: dir });
    await store.migrate();
    await store.close();
    await (await openStore({ dataDir: dir })).close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      assert.deepEqual(rows.map((r) => r.version), sqliteMigrations.map((m) => m.version));
      const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
      for (const t of ['documents', 'document_fingerprints', 'document_lsh_bands', 'analyses', 'documents_fts',
        'actors', 'actor_aliases', 'actor_mentions', 'events', 'event_actors', 'event_sources', 'relations',
        'relation_evidence', 'corrections']) assert.ok(tables.has(t), t);
    } finally {
      db.close();
    }
    assert.equal(new Set(sqliteMigrations.map((m) => m.version)).size, sqliteMigrations.length, 'unique versions');
  });

  it('stores one fingerprint and 16 band keys per 64-number signature', async () => {
    const dir = freshDir();
    const store = await openStore({ dataDir: dir });
    await store.putDocument(makeDocument('bands check'), null);
    await store.close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      assert.equal((db.prepare('SELECT count(*) AS n FROM document_lsh_bands').get() as { n: number }).n, 16);
      assert.equal((db.prepare('SELECT count(*) AS n FROM document_fingerprints').get() as { n: number }).n, 1);
    } finally {
      db.close();
    }
  });

  it('wraps a file that is not a database in a STORE error naming the path', async () => {
    const dir = freshDir();
    await (await openStore({ dataDir: dir })).close();
    const path = join(dir, DATABASE_FILE);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    writeFileSync(path, 'this is not a database file, just some text that is long enough'.repeat(100));
    await assert.rejects(openStore({ dataDir: dir }), (err: unknown) =>
      err instanceof WatchfloorError && err.code === 'STORE' && err.subject === path && err.hint !== undefined);
  });

  it('wraps a data folder that cannot be created in a STORE error', async () => {
    const file = join(root, `plain-file-${++n}`);
    writeFileSync(file, 'x');
    await assert.rejects(openStore({ dataDir: join(file, 'sub') }), (err: unknown) =>
      err instanceof WatchfloorError && err.code === 'STORE' && err.subject === join(file, 'sub', DATABASE_FILE));
  });

  it('refuses a database migrated by a newer Watchfloor', async () => {
    const dir = freshDir();
    await (await openStore({ dataDir: dir })).close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')").run();
    db.close();
    await assert.rejects(openStore({ dataDir: dir }), (err: unknown) =>
      err instanceof WatchfloorError && err.code === 'STORE' && /newer/.test(err.message));
  });

  it('reports use after close as a STORE error', async () => {
    const store = await openStore({ dataDir: freshDir() });
    await store.close();
    await assert.rejects(store.countDocuments(), (err: unknown) => err instanceof WatchfloorError && err.code === 'STORE');
  });

  it('rejects a postgres URL for now with a CONFIG error', async () => {
    await assert.rejects(openStore({ dataDir: freshDir(), url: 'postgres://localhost/wf' }),
      (err: unknown) => err instanceof WatchfloorError && err.code === 'CONFIG');
  });
});
