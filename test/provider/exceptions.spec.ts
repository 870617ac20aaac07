/**
 * Everything the provider's idiomatic API throws is a RandshimError carrying a `reason`: for a
 * DrbgError, the reason OpenSSL 3's drbg.c raises for the same call.
 */
import { expect } from 'chai';
import {
  Drbg, DrbgError, DrbgStateError, GenerationCounterError, openSysgenid, RandshimError,
} from '../../provider/index.js';

function thrownBy(op: () => unknown): unknown {
  try {
    op();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('provider exceptions', () => {
  it('a refused generate throws a DrbgError, a RandshimError with OpenSSL\'s reason', () => {
    const drbg = new Drbg({ mechanism: { type: 'HASH-DRBG', digest: 'SHA-256' } });
    // ossl_prov_drbg_generate: outlen > max_request (65536) -> PROV_R_REQUEST_TOO_LARGE_FOR_DRBG.
    const e = thrownBy(() => drbg.generate(65537));
    expect(e).to.be.instanceOf(DrbgError).and.instanceOf(RandshimError).and.instanceOf(Error);
    expect((e as DrbgError).reason).to.equal('REQUEST_TOO_LARGE_FOR_DRBG');
    expect((e as DrbgError).lib).to.equal('PROV');
    expect((e as DrbgError).name).to.equal('DrbgError');
    drbg.uninstantiate();
  });

  it('a state that is not a DRBG state throws a DrbgStateError with its reason', () => {
    const e = thrownBy(() => Drbg.importState(new Uint8Array(16)));
    expect(e).to.be.instanceOf(DrbgStateError).and.instanceOf(RandshimError);
    expect((e as DrbgStateError).reason).to.equal('NOT_A_DRBG_STATE');
    expect((e as DrbgStateError).name).to.equal('DrbgStateError');
  });

  it('a generation counter that cannot be opened throws a GenerationCounterError with its reason', () => {
    const e = thrownBy(() => openSysgenid('/nonexistent/sysgenid'));
    expect(e).to.be.instanceOf(GenerationCounterError).and.instanceOf(RandshimError);
    expect((e as GenerationCounterError).reason).to.equal('OPEN_FAILED');
    expect((e as GenerationCounterError).code).to.equal('OPEN_FAILED');
  });
});
