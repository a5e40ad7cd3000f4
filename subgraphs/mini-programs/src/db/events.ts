import { appendEvents, MiniProgramEvent, type Db, type MiniProgramEventType, type MiniProgramSnapshot } from '@mpp/kit';
import { eq } from 'drizzle-orm';
import { eventLog, isvAuthorizations, type MiniProgramRow, type VersionRow } from './schema.js';

export { MiniProgramEvent };

export function miniProgramSnapshot(miniProgram: MiniProgramRow): MiniProgramSnapshot {
  return {
    miniProgramId: miniProgram.id,
    merchantWorkspaceId: miniProgram.merchantWorkspaceId,
    name: miniProgram.name,
    status: miniProgram.status,
  };
}

export async function recordMiniProgramEvent(
  tx: Db,
  type: MiniProgramEventType,
  miniProgram: MiniProgramRow,
  actorId: string | null,
  extra: Record<string, unknown> = {},
) {
  // A version change names the ISV authorized at that moment: readers of this log (webhooks) need
  // not join it with Orders' log, which they may have read further or less far.
  const parties = type === MiniProgramEvent.VersionChanged ? { authorizedIsvWorkspaceId: await authorizedIsvOf(tx, miniProgram.id) } : {};
  return appendEvents(tx, eventLog, 'mini_programs', [
    { type, streamId: miniProgram.id, payload: { ...miniProgramSnapshot(miniProgram), ...parties, ...extra }, actorId },
  ]);
}

async function authorizedIsvOf(tx: Db, miniProgramId: string): Promise<string | null> {
  const [row] = await tx
    .select({ isvWorkspaceId: isvAuthorizations.isvWorkspaceId })
    .from(isvAuthorizations)
    .where(eq(isvAuthorizations.miniProgramId, miniProgramId));
  return row?.isvWorkspaceId ?? null;
}

export function versionEventPayload(version: VersionRow, from: string | null) {
  return { versionId: version.id, version: version.version, from, to: version.status, grayPercentage: version.grayPercentage };
}
