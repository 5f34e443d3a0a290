// Shared by the store contract suites: run a test body against a fresh store and close it.
import type { Store } from './store.js';

export function withStoreFrom(makeStore: () => Promise<Store>) {
  return async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await makeStore();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };
}
