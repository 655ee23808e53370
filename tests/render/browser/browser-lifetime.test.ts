import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTalk } from '../../../src/render/render-talk.js';
import { openSession } from '../../../src/render/browser/session.js';
import { fixture } from '../../helpers/cli.js';
import { cmdline, descendants, isRunning } from '../../helpers/proc.js';
import { tempDir } from '../../helpers/temp.js';

/** Browser processes started by this test process that still run. */
const browsers = () => descendants(process.pid).filter((pid) => isRunning(pid) && /chrom/i.test(cmdline(pid)));

/** The small deck with a word no other test uses: its pictures are in no cache yet. */
function freshDeck(dir: string): string {
  const file = path.join(dir, 'small.md');
  fs.writeFileSync(file, fs.readFileSync(fixture('small.md'), 'utf8').replace('Ada Lovelace', `Ada Lovelace ${path.basename(dir)}`));
  return file;
}

describe.runIf(process.platform === 'linux')('the browser of a render', () => {
  it('is closed once the capture is over, before the video is joined (the encoders need its memory)', async () => {
    const dir = tempDir('browser-lifetime');
    const atJoin: number[][] = [];
    let duringCapture = 0;
    const result = await renderTalk({
      deck: freshDeck(dir),
      out: path.join(dir, 'out'),
      onProgress: (p) => {
        if (p.phase === 'capture') duringCapture = Math.max(duringCapture, browsers().length);
        if (p.phase === 'finish' && p.done === 0) atJoin.push(browsers());
      },
    });
    expect(result.stats?.captured).toBeGreaterThan(0);
    expect(duringCapture).toBeGreaterThan(0);
    expect(atJoin.length).toBeGreaterThan(0);
    for (const running of atJoin) expect(running).toEqual([]);
  });

  it('stays open when the caller passed its session in', async () => {
    const dir = tempDir('browser-lifetime');
    const session = await openSession();
    try {
      const result = await renderTalk({ deck: freshDeck(dir), out: path.join(dir, 'out'), session });
      expect(result.stats?.captured).toBeGreaterThan(0);
      expect(browsers().length).toBeGreaterThan(0);
      // The same browser captures a second render.
      const again = await renderTalk({ deck: freshDeck(tempDir('browser-lifetime')), out: path.join(dir, 'again'), session });
      expect(again.stats?.captured).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
