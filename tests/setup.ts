import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

// Run before each test file, whether or not it shares its worker's modules with the files before
// it: the file's temporary folders go when it ends.
afterAll(removeTempDirs);
