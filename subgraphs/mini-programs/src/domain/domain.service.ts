import { InputChecks } from '@mpp/kit';
import { and, eq } from 'drizzle-orm';
import { MiniProgramEvent, recordMiniProgramEvent } from '../db/events.js';
import { domains, type DomainKindValue, type MiniProgramRow } from '../db/schema.js';
import { miniProgramFor, type Caller } from '../mini-program/mini-program.service.js';
import { normalizeDomains } from './domain.rules.js';

/** Replaces the whitelist of one kind (duplicates removed). */
export async function setDomainWhitelist(
  caller: Caller,
  input: { miniProgramId: string; kind: DomainKindValue; domains: string[] },
): Promise<MiniProgramRow> {
  const { miniProgram } = await miniProgramFor(caller, input.miniProgramId, ['develop'], 'set the domain whitelists of this mini program');
  const checks = new InputChecks();
  const entries = normalizeDomains(checks, input.domains);
  checks.done();
  return caller.deps.db.transaction(async (tx) => {
    await tx.delete(domains).where(and(eq(domains.miniProgramId, miniProgram.id), eq(domains.kind, input.kind)));
    if (entries.length) await tx.insert(domains).values(entries.map((domain) => ({ miniProgramId: miniProgram.id, kind: input.kind, domain })));
    await recordMiniProgramEvent(tx, MiniProgramEvent.DomainsSet, miniProgram, caller.access.accountId, { kind: input.kind, count: entries.length });
    caller.loaders.domainsByMiniProgram.clear(miniProgram.id);
    return miniProgram;
  });
}
