/**
 * The channel every child-process build speaks through (interop/builds/child-process.ts),
 * against small scripted Node children: responses matched by id whatever their order, a child
 * that does not answer killed at the timeout, a dying child's pending requests rejected with
 * its stderr tail (without the lines the caller takes), an unparsable line, the job queue.
 */
import { expect } from 'chai';
import { answer, ChildChannel, serialQueue } from '../../interop/builds/child-process.js';

type Req = { readonly id: number; readonly op: string; readonly n?: number };
type Res = { readonly id: number; readonly ok: true; readonly doubled: number } | { readonly id: number; readonly ok: false; readonly error: string };

/** A child that reads JSON lines and runs `onRequest(req)` (JavaScript source) for each. */
function scripted(onRequest: string, timeoutMs: number | null = 10_000, onStderrLine?: (line: string) => boolean): ChildChannel<Req, Res> {
  const program = `
    const rl = require('node:readline').createInterface({ input: process.stdin });
    const send = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
    const held = [];
    rl.on('line', (line) => { const req = JSON.parse(line); if (req.op === 'exit') { send({ id: req.id, ok: true }); process.exit(0); } (${onRequest})(req); });`;
  return new ChildChannel<Req, Res>({ command: process.execPath, args: ['-e', program], env: {}, label: 'test child', timeoutMs, ...(onStderrLine ? { onStderrLine } : {}) });
}

describe('interop/builds/child-process.ts: the channel to a child-process build', () => {
  it('matches responses to requests by id when the child answers out of order', async () => {
    // holds the first two requests and answers them after the third, last first
    const child = scripted(`(req) => { held.push(req); if (held.length === 3) for (const r of held.reverse()) send({ id: r.id, ok: true, doubled: 2 * r.n }); }`);
    const answers = await Promise.all([1, 2, 3].map((n) => child.request({ op: 'double', n })));
    expect(answers.map((r) => answer('test child', r, 'doubled'))).to.deep.equal([2, 4, 6]);
    await child.close();
    expect(child.exitSignal).to.equal('code 0');
  });

  it('a failed answer becomes an Error "who: why"; a response without the key too', async () => {
    const child = scripted(`(req) => send(req.n === 0 ? { id: req.id, ok: false, error: 'zero refused' } : { id: req.id, ok: true })`);
    const failed = await child.request({ op: 'double', n: 0 });
    expect(() => answer('test child', failed, 'doubled')).to.throw('test child: zero refused');
    const bare = await child.request({ op: 'double', n: 1 });
    expect(() => answer('test child', bare, 'doubled')).to.throw('test child: response without doubled');
    await child.close();
  });

  it('kills a child that does not answer within the timeout and rejects what was pending', async () => {
    const child = scripted('() => {}', 300);
    const started = Date.now();
    const both = [child.request({ op: 'hang' }), child.request({ op: 'hang' })].map((p) => p.then(() => 'answered', (e: Error) => e.message));
    expect(await Promise.all(both)).to.deep.equal(['no answer to hang within 0.3 s', 'no answer to hang within 0.3 s']);
    expect(Date.now() - started).to.be.within(250, 5000);
    await child.closed;
    expect(child.exitSignal).to.equal('SIGKILL');
    expect(await child.request({ op: 'again' }).catch((e: Error) => e.message)).to.equal('no answer to hang within 0.3 s');
  });

  it('a child that dies rejects the pending request with its exit and stderr tail, less the lines taken', async () => {
    const taken: string[] = [];
    const child = scripted(`() => { process.stderr.write('event one\\nlast words\\nevent two\\npartial'); setTimeout(() => process.exit(3), 50); }`,
      10_000, (line) => line.startsWith('event ') && taken.push(line) > 0);
    const why = await child.request({ op: 'die' }).then(() => 'answered', (e: Error) => e.message);
    await child.closed;
    expect(why).to.equal('test child exited (code 3); stderr: last words\npartial');
    expect(child.gone).to.equal(why);
    expect(taken).to.deep.equal(['event one', 'event two']);
  });

  it('an unparsable line fails the channel with the line, and kills the child', async () => {
    const child = scripted(`() => process.stdout.write('not json\\n')`);
    const why = await child.request({ op: 'x' }).then(() => 'answered', (e: Error) => e.message);
    expect(why).to.equal('unparsable line from test child: not json');
    await child.closed; // a stream out of step cannot be trusted again: the child is killed
    expect(child.exitSignal).to.equal('SIGKILL');
  });

  it('serialQueue runs jobs one after another, and a failed job does not stop the next', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => () => new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      setTimeout(() => {
        log.push(`end ${name}`);
        if (fail) reject(new Error(name));
        else resolve(name);
      }, ms);
    });
    const results = await Promise.allSettled([serial(job('a', 40, true)), serial(job('b', 5)), serial(job('c', 1))]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).to.deep.equal(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
