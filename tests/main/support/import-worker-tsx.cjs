/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS bootstrap for a worker thread */
// Test-only bootstrap: runs the TypeScript worker source through tsx inside a worker thread
// (Node 20 does not apply `--import tsx` from a Worker's execArgv). The app runs the bundled worker instead.
require('tsx/cjs/api').register()
require('../../../src/main/import-worker.ts')
