/**
 * The `talkreel` command (built into dist/cli.js): what belongs to the process, around `runCli`.
 * With TALKREEL_DEBUG set, stack traces name lines of src/: Node applies source maps only to
 * modules loaded after they are turned on, so the CLI itself is loaded after that.
 */
if (process.env.TALKREEL_DEBUG) process.setSourceMapsEnabled(true);
const [{ reportError, runCli }, { ignoreClosedStdout, quietClosedBrowserLogs }, { asError }] = await Promise.all([
  import('./main.js'),
  import('./terminal.js'),
  import('../errors.js'),
]);

quietClosedBrowserLogs();
ignoreClosedStdout();
// A promise that rejects with nobody waiting on it (inside a library, say) would end the process
// with Node's stack trace. Report it like any other error instead and stop; once an error has
// been reported, a late one from the same failure adds nothing.
process.on('unhandledRejection', (reason) => {
  if (process.exitCode) return;
  process.exitCode = reportError(asError(reason));
  process.exit();
});

process.exitCode = await runCli(process.argv.slice(2));

export {};
