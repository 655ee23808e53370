/**
 * One of several processes using one Store at once, as renders sharing a cache folder do: for the
 * same keys in the same order, it takes each entry from the cache or writes it, hands the path on,
 * and reads it a few entries later (as ffmpeg reads a picture the batch encoder was given),
 * pruning the store to a small size now and then. Prints `{ reads, failures }` as JSON.
 *
 *   node --import tsx tests/helpers/store-race.ts CACHE_ROOT RUN ENTRIES
 */
import fs from 'node:fs';
import { sha256, Store } from '../../src/render/cache/cache.js';

const [root, run, count] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const store = new Store('frames', root);
const bytesOf = (i: number) => Buffer.concat([Buffer.from(`${run} ${i}\n`), Buffer.alloc(20_000, i % 251)]);
const handedOn: { i: number; file: string }[] = [];
const failures: string[] = [];
let reads = 0;
for (let i = 0; i < count; i++) {
  const key = sha256(`${run} ${i}`);
  handedOn.push({ i, file: store.get(key, 'png') ?? store.put(key, 'png', { data: bytesOf(i) }) });
  if (handedOn.length > 3) {
    const { i: j, file } = handedOn.shift() as { i: number; file: string };
    reads++;
    try {
      if (!fs.readFileSync(file).equals(bytesOf(j))) failures.push(`entry ${j}: other bytes`);
    } catch (err) {
      failures.push(`entry ${j}: ${(err as Error).message}`);
    }
  }
  if (i % 500 === 499) store.prune(400_000);
}
(store as { release?: () => void }).release?.();
process.stdout.write(`${JSON.stringify({ reads, failures })}\n`);
