// Datasets imported in this browser, kept in IndexedDB under `local-<first 12 hex digits of their SHA-256>`: nothing
// is uploaded, and a link naming one works only here (another browser opens the default dataset with a notice).
import { ALL_DATASET_FILES } from '../model/datasetFiles';

export const LOCAL_PREFIX = 'local-';
export const isLocalName = (name: string) => name.startsWith(LOCAL_PREFIX);

export interface LocalDataset {
  name: string;
  /** The dataset's files as JSON text, by file name (meta.json, events.json, …). */
  files: Record<string, string>;
  /** The files the user imported, by name. */
  imported: string[];
  /** When it was imported (ISO). */
  savedAt: string;
}

const DB = 'indo-pacific-atlas';
const STORE = 'datasets';

function openDb(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'name' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((ok, fail) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => (db.close(), ok(req.result));
        tx.onerror = () => (db.close(), fail(tx.error ?? req.error ?? new Error('IndexedDB request failed')));
      }),
  );
}

/** The name a dataset's files get: `local-` and the first 12 hex digits of the SHA-256 of its files in file order. */
export async function localName(files: Record<string, string>): Promise<string> {
  const text = ALL_DATASET_FILES.map((f) => `\u0000${f}\u0000${files[f] ?? ''}`).join('');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return LOCAL_PREFIX + Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saveLocal(files: Record<string, string>, imported: string[]): Promise<LocalDataset> {
  const rec: LocalDataset = { name: await localName(files), files, imported, savedAt: new Date().toISOString() };
  await run('readwrite', (s) => s.put(rec));
  return rec;
}

export async function readLocal(name: string): Promise<LocalDataset | null> {
  try {
    return ((await run('readonly', (s) => s.get(name))) as LocalDataset | undefined) ?? null;
  } catch {
    return null;
  }
}
