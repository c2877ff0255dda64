// `npm start`: build the dashboard when it is missing or older than its sources, create the demo
// workspace when absent, then serve both on 127.0.0.1 and print the URL. Plain JS so it runs
// before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { needsBuild } from './needs-build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const why = needsBuild(join(root, 'web'));
if (why) {
  console.log(`Building the dashboard (${why}) …`);
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn']);
}
const args = process.argv.slice(2);
// The server runs as a child: a SIGTERM to `npm start` (a process manager) reaches it, so it
// closes its workspace instead of being left running. Ctrl+C in a terminal reaches both
// already; this process only waits for the server to finish.
const server = spawn(process.execPath, [join(root, 'bin/cxkpi.js'), 'serve', '--demo', ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
// Stopped by a signal we expect (after its graceful close): a normal end; anything else is not.
const STOPS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
server.on('exit', (code, signal) => process.exit(code ?? (STOPS.includes(signal) ? 0 : 1)));
