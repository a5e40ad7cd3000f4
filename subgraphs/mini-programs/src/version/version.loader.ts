import { loaderById, pagesPerParent, parentPageLoader } from '@mpp/kit';
import { and, eq, inArray } from 'drizzle-orm';
import type { MiniProgramsDb } from '../db/client.js';
import { versions, type VersionRow, type VersionStatusValue } from '../db/schema.js';

export function versionLoader(db: MiniProgramsDb) {
  return loaderById((ids) => db.select().from(versions).where(inArray(versions.id, ids)));
}

/** The RELEASED version of each mini program (at most one, held by a unique index). */
export function currentReleaseLoader(db: MiniProgramsDb) {
  return loaderById(
    (ids) => db.select().from(versions).where(and(inArray(versions.miniProgramId, ids), eq(versions.status, 'RELEASED'))),
    (version) => version.miniProgramId,
  );
}

/** `MiniProgram.versions` for many mini programs at once, newest first. */
export function versionsByMiniProgramLoader(db: MiniProgramsDb) {
  return parentPageLoader<VersionRow, { statuses: VersionStatusValue[] | null }>((ids, filter, page) =>
    pagesPerParent(
      db,
      {
        table: versions,
        parent: versions.miniProgramId,
        id: versions.id,
        where: filter.statuses ? inArray(versions.status, filter.statuses) : undefined,
      },
      ids,
      page,
    ),
  );
}
