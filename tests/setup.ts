import { afterAll } from 'vitest';
import { closeSessions } from './helpers/in-process.js';
import { removeTempDirs } from './helpers/temp.js';

// Run before each test file, whether or not it shares its worker's modules with the files before
// it: the browsers its in-process commands opened close, and its temporary folders go, when it ends.
afterAll(async () => {
  await closeSessions();
  removeTempDirs();
});
