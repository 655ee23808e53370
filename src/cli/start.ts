/**
 * The `talkreel` command (built into dist/cli.js). With TALKREEL_DEBUG set, stack traces name
 * lines of src/: Node applies source maps only to modules loaded after they are turned on, so the
 * CLI itself is loaded after that.
 */
if (process.env.TALKREEL_DEBUG) process.setSourceMapsEnabled(true);
await import('./main.js');

export {};
