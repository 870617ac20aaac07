/**
 * `npm run profile -- "<contender>" <size> [calls]`: runs one benchmark contender (names as in
 * `npm run bench`) on requests of <size> bytes under V8's sampling profiler and prints where the
 * time goes: self time per function, as a share and as nanoseconds per call.
 *
 *   npm run profile -- "randshim RAND_bytes (1.1.1)" 32
 */
import { Session } from 'node:inspector';
import { contenders } from './bench/contenders.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T)));
  });
}

async function main(): Promise<void> {
  const [name, sizeArg, callsArg] = process.argv.slice(2);
  const list = contenders();
  const c = list.find((x) => x.name === name);
  if (c === undefined || sizeArg === undefined) {
    console.error(`usage: npm run profile -- "<contender>" <size> [calls]\ncontenders:\n${list.map((x) => `  ${x.name}`).join('\n')}`);
    process.exitCode = 2;
    return;
  }
  const size = Number(sizeArg);
  const out = new Uint8Array(size);
  const calls = callsArg !== undefined ? Number(callsArg) : Math.max(100, Math.floor(300_000 * 32 / Math.max(32, size)));
  for (let i = 0; i < Math.min(calls, 20_000); i++) c.run(out);
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) c.run(out);
  const elapsed = Number(process.hrtime.bigint() - started);
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  session.disconnect();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url === '' ? '' : ` ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    const key = `${f.functionName || '(anonymous)'}${where}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(`${name}, ${size} bytes: ${calls} calls, ${(elapsed / calls).toFixed(0)} ns per call while profiled`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    const share = us / total;
    console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${((share * elapsed) / calls).toFixed(0).padStart(7)} ns  ${key}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
