import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, loadInternalSecret } from '@mpp/kit';
import { TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalCredentialCases } from './internal-credential-cases.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

internalCredentialCases(() => platform);

describe('the internal credential’s configuration', () => {
  it('is made once under DATA_DIR/keys, readable by its owner only, and read back the same', () => {
    const file = join(platform.config.dataDir, 'keys', 'internal-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadInternalSecret(platform.config).equals(loadInternalSecret(platform.config))).toBe(true);
  });

  it('comes from INTERNAL_SECRET when given, which must be long enough', () => {
    const secret = 'a shared secret of more than 32 characters';
    expect(loadInternalSecret(loadConfig({ INTERNAL_SECRET: secret, DATA_DIR: '/nonexistent' })).toString()).toBe(secret);
    expect(() => loadInternalSecret(loadConfig({ INTERNAL_SECRET: 'short', DATA_DIR: '/nonexistent' }))).toThrow(/32 characters/);
  });

  it('subgraphs listen on loopback unless HOST says otherwise; the gateway stays public', () => {
    expect(loadConfig({}).subgraphHost).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).subgraphHost).toBe('0.0.0.0');
    expect(loadConfig({}).host).toBe('0.0.0.0');
  });
});
