// `npm start`: build the dashboard when it is missing or older than its sources, create the demo
// workspace when absent, then serve both on 127.0.0.1 and print the URL. Plain JS so it runs
// before anything is built.
import { spawnSync } from 'node:child_process';
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
run(process.execPath, [join(root, 'bin/cxkpi.js'), 'serve', '--demo', ...args]);
