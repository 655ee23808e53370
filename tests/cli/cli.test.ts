import { describe, expect, it } from 'vitest';
import { talkreel } from '../helpers/cli.js';

describe('talkreel CLI', () => {
  it('--help lists the commands', async () => {
    const r = await talkreel(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/render \[options\] \[decks\.\.\.\]/);
    expect(r.stdout).toMatch(/check \[deck\]/);
  });

  it('render --help lists every render option', async () => {
    const r = await talkreel(['render', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--out', '--resolution', '--fps', '--slides', '--no-video', '--no-thumbnails', '--browser', '--concurrency', '--exact', '--json']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('check on the default deck reports its slides and length', async () => {
    const r = await talkreel(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deck\/scaling-python\.md: 19 slides, \d+:\d\d at 30 fps, 1920x1080/);
  });

  it('an unknown command is a usage error', async () => {
    const r = await talkreel(['explode']);
    expect(r.code).toBe(2);
  });

  it('--browser pointing nowhere fails with exit 1 and no stack trace', async () => {
    const r = await talkreel(['render', '--browser', '/no/such/chrome', '--no-video', '--out', '/tmp/talkreel-never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no executable browser at \/no\/such\/chrome/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
