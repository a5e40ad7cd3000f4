import { appendEvents, MiniProgramEvent, type Db, type MiniProgramEventType, type MiniProgramSnapshot } from '@mpp/kit';
import { eventLog, type MiniProgramRow, type VersionRow } from './schema.js';

export { MiniProgramEvent };

export function miniProgramSnapshot(miniProgram: MiniProgramRow): MiniProgramSnapshot {
  return {
    miniProgramId: miniProgram.id,
    merchantWorkspaceId: miniProgram.merchantWorkspaceId,
    name: miniProgram.name,
    status: miniProgram.status,
  };
}

export function recordMiniProgramEvent(
  tx: Db,
  type: MiniProgramEventType,
  miniProgram: MiniProgramRow,
  actorId: string | null,
  extra: Record<string, unknown> = {},
) {
  return appendEvents(tx, eventLog, 'mini_programs', [
    { type, streamId: miniProgram.id, payload: { ...miniProgramSnapshot(miniProgram), ...extra }, actorId },
  ]);
}

export function versionEventPayload(version: VersionRow, from: string | null) {
  return { versionId: version.id, version: version.version, from, to: version.status, grayPercentage: version.grayPercentage };
}
