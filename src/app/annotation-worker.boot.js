// Entry of an annotation worker thread: load the TypeScript sources through tsx, as
// bin/watchfloor.js does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./annotation-worker.ts');
