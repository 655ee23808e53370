import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCompositions } from '../../../src/render/browser/bundle.js';

describe('bundleCompositions', () => {
  it('builds the render bundle without source maps (Remotion would parse them on every capture pass)', async () => {
    expect(process.env.TALKREEL_DEBUG).toBeUndefined();
    const serveUrl = await bundleCompositions();
    const files = fs.readdirSync(serveUrl);
    expect(files).toContain('bundle.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(fs.readFileSync(path.join(serveUrl, 'bundle.js'), 'utf8')).not.toMatch(/sourceMappingURL/);
  });
});
