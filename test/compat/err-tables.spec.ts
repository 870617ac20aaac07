/**
 * Every reason the engine raises exists, under the right library, in the error tables
 * extracted from OpenSSL's sources, so compat/ can pack it into OpenSSL's exact code; and the
 * packing follows each version's err.h.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createErrApi } from '../../compat/err/api.js';
import { ERR_TABLES_111, ERR_TABLES_3 } from '../../compat/err/tables.js';
import { LINE_ERR_TABLES } from '../../compat/openssl3-lines/err-tables.js';
import { captureErrors, raise } from '../../provider/err/queue.js';

const PROVIDER = join(process.cwd(), 'provider');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('OpenSSL error tables', () => {
  it('resolve every reason provider/ raises (3.x core in the 3.0 table, the 3.4+ FIPS model in the later lines\' table, drbg111 in the 1.1.1 table)', () => {
    let checked = 0;
    for (const file of sources(PROVIDER)) {
      const text = readFileSync(file, 'utf8');
      const is111 = file.includes(`${join('provider', 'openssl111')}`);
      // CRNG-TEST and the FIPS DRBG rules exist from 3.4 on (fips_crng_test.c)
      const isLaterFips = file.includes(`${join('provider', 'openssl3', 'fips')}`)
        // the generated OSSL_PARAM decoders' PROV_R_REPEATED_PARAMETER exists from 3.6 on
        || file.endsWith(join('provider', 'openssl3', 'core', 'param-decoder.ts'));
      for (const m of text.matchAll(/raise\('(\w+)', '(\w+)'(?:, '(\w+)')?\)/g)) {
        const [, lib, reason, func] = m;
        const tables = is111 || func !== undefined ? ERR_TABLES_111 : isLaterFips ? LINE_ERR_TABLES['4.0'] : ERR_TABLES_3;
        const found = tables.reasons[lib]?.[reason] ?? tables.common[reason];
        expect(found, `${file}: ${lib} ${reason}`).to.not.equal(undefined);
        if (func !== undefined) expect(ERR_TABLES_111.funcs[lib]?.[func], `${file}: ${lib} ${func}`).to.not.equal(undefined);
        checked++;
      }
      for (const m of text.matchAll(/raiseRand\('(\w+)', '(\w+)'\)/g)) {
        const [, func, reason] = m;
        expect(ERR_TABLES_111.funcs.RAND[func], `${file}: RAND_F_${func}`).to.not.equal(undefined);
        expect(ERR_TABLES_111.reasons.RAND[reason] ?? ERR_TABLES_111.common[reason], `${file}: RAND_R_${reason}`).to.not.equal(undefined);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(60);
  });

  it('pack as err.h says: 1.1.1 lib<<24|func<<12|reason, 3.x lib<<23|reason with flags', () => {
    const e111 = createErrApi(ERR_TABLES_111, '1.1.1');
    const e3 = createErrApi(ERR_TABLES_3, '3');
    // RAND_R_REQUEST_TOO_LARGE_FOR_DRBG = 117, RAND_F_RAND_DRBG_GENERATE = 107 (1.1.1w randerr.h)
    expect(e111.pack({ lib: 'RAND', func: 'RAND_DRBG_GENERATE', reason: 'REQUEST_TOO_LARGE_FOR_DRBG' }))
      .to.equal(((36 << 24) | (107 << 12) | 117) >>> 0);
    // PROV_R_REQUEST_TOO_LARGE_FOR_DRBG = 196, ERR_LIB_PROV = 57 (3.0 proverr.h, err.h)
    expect(e3.pack({ lib: 'PROV', reason: 'REQUEST_TOO_LARGE_FOR_DRBG' })).to.equal(((57 << 23) | 196) >>> 0);
    // ERR_R_UNSUPPORTED = 268 | ERR_RFLAG_COMMON (2 << 18)
    const unsupported = e3.pack({ lib: 'EVP', reason: 'UNSUPPORTED' });
    expect(e3.ERR_GET_REASON(unsupported)).to.equal(268 | (2 << 18));
    expect(e3.ERR_reason_error_string(unsupported)).to.equal('unsupported');
  });

  it('format ERR_error_string_n as OpenSSL does and read the queue in order', () => {
    const e111 = createErrApi(ERR_TABLES_111, '1.1.1');
    const e3 = createErrApi(ERR_TABLES_3, '3');
    e3.ERR_clear_error();
    captureErrors(() => 0);
    raise('RAND', 'GENERATE_ERROR', 'RAND_DRBG_GENERATE');
    raise('RAND', 'RESEED_ERROR', 'RAND_DRBG_GENERATE');
    const first = e111.ERR_peek_error();
    expect(e111.ERR_peek_last_error()).to.not.equal(first);
    const buf = new Uint8Array(256);
    expect(e111.ERR_error_string_n(first, buf, buf.length))
      .to.equal(`error:${first.toString(16).toUpperCase().padStart(8, '0')}:random number generator:RAND_DRBG_generate:generate error`);
    expect(buf[buf.indexOf(0) - 1]).to.equal('r'.charCodeAt(0));
    expect(e111.ERR_get_error()).to.equal(first);
    expect(e111.ERR_reason_error_string(e111.ERR_get_error())).to.equal('reseed error');
    expect(e111.ERR_get_error()).to.equal(0);
    raise('PROV', 'IN_ERROR_STATE');
    const code = e3.ERR_get_error();
    expect(e3.ERR_error_string(code, null)).to.equal(`error:${code.toString(16).toUpperCase().padStart(8, '0')}:Provider routines::in error state`);
    const small = new Uint8Array(10);
    expect(e3.ERR_error_string_n(code, small, 10)).to.equal(`err:${code.toString(16)}:39:0`.slice(0, 9));
  });
});
