// The worker's entry point, in plain JavaScript so that a worker starts under any parent
// (`npm start` and the bench under tsx, a test runner): tsx's loader is registered in the worker
// itself, as module hooks of the parent thread do not reach it, before the TypeScript module loads.
import { register } from 'tsx/esm/api';

register();
await import('./function-worker.ts');
