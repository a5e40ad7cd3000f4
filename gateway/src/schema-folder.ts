import { fileURLToPath } from 'node:url';

/** The folder of committed schema files (`schema/` at the repository's root). */
export const schemaFolder = fileURLToPath(new URL('../../schema/', import.meta.url));
