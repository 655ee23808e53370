// Preloaded with `node --import`: records what a process does at start that neither the library
// nor the command should do: register module hooks (module.register, module.registerHooks, as
// tsx does), add loaders for file extensions (require.extensions), or start a process (a
// compiler, say). Prints `hook-spy {...}` as the last line on stderr at exit.
import childProcess from 'node:child_process';
import module, { syncBuiltinESMExports } from 'node:module';

const seen = { hooks: [], extensions: [], spawned: [] };
const extensionsBefore = Object.keys(module._extensions);
for (const name of ['register', 'registerHooks']) {
  const original = module[name];
  if (typeof original !== 'function') continue;
  module[name] = function (...args) {
    seen.hooks.push(`${name} ${String(args[0]).slice(0, 120)}`);
    return original.apply(this, args);
  };
}
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function (...args) {
    seen.spawned.push(`${name} ${String(args[0]).slice(0, 120)}`);
    return original.apply(this, args);
  };
}
// ES modules that import these by name see the wrappers too.
syncBuiltinESMExports();
process.on('exit', () => {
  seen.extensions = Object.keys(module._extensions).filter((e) => !extensionsBefore.includes(e));
  process.stderr.write(`\nhook-spy ${JSON.stringify(seen)}\n`);
});
