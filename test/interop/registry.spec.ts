/**
 * The build registry (interop/builds/registry.ts) against the builds themselves: every entry
 * comes up on this machine through its own loader with the version its library reports, each
 * capability is what the library really offers, and discovery reports (never throws) why a
 * build or a capability is not there.
 */
import { expect } from 'chai';
import {
  BUILDS, buildsWith, discover, discoverBuild, discoverBuilds, type BuildEntry, type Capability,
} from '../../interop/builds/registry.js';

/** The version line each build's own library reports (OpenSSL_version, `openssl version`). */
const VERSIONS: Readonly<Record<string, RegExp>> = {
  'system-3': /^OpenSSL 3\.0\.\d+ /,
  'system-3.5': /^OpenSSL 3\.5\.\d+ /,
  'system-3.6': /^OpenSSL 3\.6\.\d+ /,
  'system-4.0': /^OpenSSL 4\.0\.\d+ /,
  'system-1.1.1': /^OpenSSL 1\.1\.1w /,
  'node16-1.1.1': /^OpenSSL 1\.1\.1v\b/,
  'wasm-3.1': /^OpenSSL 3\.1\.0 /,
};

describe('build registry', function () {
  this.timeout(60000);

  it('lists each build once, each with a loading and at least one capability', function () {
    expect(BUILDS.map((b) => b.name)).to.deep.equal(Object.keys(VERSIONS));
    for (const b of BUILDS) {
      expect(b.capabilities.length, b.name).to.be.greaterThan(0);
      expect(['in-process', 'child-process', 'webassembly'], b.name).to.include(b.loading.kind);
      // a child runs under the machine's loader, or (the newer lines) under its own ld.so
      if (b.loading.kind === 'child-process' && b.loading.loader !== null) expect(b.loading.loader, b.name).to.match(/ld-linux-x86-64\.so\.2$/);
    }
  });

  it('brings every build up for each of its capabilities, with the version its library reports', async function () {
    let opened = 0;
    for (const b of BUILDS) {
      for (const capability of b.capabilities) {
        const d = await discover(b, capability);
        if (!d.available) expect.fail(`${b.name} ${capability}: ${d.reason}`);
        expect(d.name).to.equal(b.name);
        expect(d.version, b.name).to.match(VERSIONS[b.name]);
        expect(d.library, b.name).to.be.a('string').and.not.equal('');
        if (capability === 'rand-drbg-111') {
          const oracle = (d as { handle: { info: { version: string }; close(): Promise<void> } }).handle;
          expect(oracle.info.version).to.equal(d.version);
          await oracle.close();
        }
        opened++;
      }
    }
    // system-3: the library and its openssl command; three newer lines' commands; the rest one each
    expect(opened).to.equal(8);
  });

  it('has no build with a FIPS provider: the system libcrypto 3 cannot load one', async function () {
    expect(buildsWith('fips-provider')).to.deep.equal([]);
    const [system] = await discoverBuilds('evp-rand-3');
    if (!system.available) expect.fail(system.reason);
    const c = system.handle.crypto;
    expect(c.OSSL_PROVIDER_load(0n, 'fips')).to.equal(0n);
    c.ERR_clear_error();
  });

  it('says why, without throwing, for a capability a build lacks, an unknown name or engine', async function () {
    const wasm = BUILDS.find((b) => b.name === 'wasm-3.1') as BuildEntry;
    const lacks: Capability = 'evp-rand-3';
    expect(await discover(wasm, lacks)).to.deep.equal({ name: 'wasm-3.1', available: false, reason: 'wasm-3.1 has no evp-rand-3' });
    expect(await discoverBuild('no-such-build', 'evp-rand-3'))
      .to.deep.equal({ name: 'no-such-build', available: false, reason: 'no build named no-such-build' });
    expect(await discover(wasm, 'openssl-command', { engine: 'ffi-rs' })).to.deep.equal({
      name: 'wasm-3.1-ffi-rs', available: false, reason: 'wasm-3.1 cannot be loaded through ffi-rs',
    });
    const failing: BuildEntry = { ...wasm, name: 'broken', open: async () => { throw new Error('spawn ENOENT'); } };
    expect(await discover(failing, 'openssl-command')).to.deep.equal({ name: 'broken', available: false, reason: 'spawn ENOENT' });
  });
});
