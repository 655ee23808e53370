import type { RspackOverrideFn } from '@remotion/bundler';

/**
 * Bundler settings the compositions need, shared by `bundle()` (Node API) and
 * `remotion.config.ts` (Remotion CLI and Studio), which never read each other's settings:
 * - sources import each other with `.js` extensions (Node ESM style) that name `.ts(x)` files;
 * - the default deck is imported as text, so Studio reloads when the deck file changes.
 */
export const rspackOverride: RspackOverrideFn = (config) => ({
  ...config,
  resolve: {
    ...config.resolve,
    extensionAlias: { ...(config.resolve?.extensionAlias ?? {}), '.js': ['.tsx', '.ts', '.js'] },
  },
  module: {
    ...config.module,
    rules: [...(config.module?.rules ?? []), { test: /\.md$/, type: 'asset/source' }],
  },
});
