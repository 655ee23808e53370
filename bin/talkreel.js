#!/usr/bin/env node
// talkreel is written in TypeScript and runs from its sources through tsx, so the package needs
// no build step: `npm ci` is all a user runs before `npm run render`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
