#!/usr/bin/env node
// `npm run render` and `npm run check`: the talkreel command from dist/, rebuilt first if the
// sources changed since it was built (see build.mjs), in the same process: a second Node
// process for the check would cost every start about 0.1 s.
import { buildIfStale } from './build.mjs';

await buildIfStale();
await import('../dist/cli.js');
