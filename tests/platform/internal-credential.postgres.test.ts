import { TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll } from 'vitest';
import { internalCredentialCases } from './internal-credential-cases.js';

// The same refusals with the subgraphs on a Postgres server.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

internalCredentialCases(() => platform);
