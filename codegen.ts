import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { DocumentNode } from 'graphql';

// Typed documents from the committed supergraph: the partner client's operations, and the
// operations the end-to-end tests write inline with `graphql(...)`.
const config = {
  scalars: { DateTime: 'string', ID: 'string' },
  enumsAsTypes: true,
  useTypeImports: true,
  // The supergraph also declares federation's own scalars (join__FieldSet…); operations never use them.
  strictScalars: false,
  skipTypename: true,
  // `.js` in relative imports, as Node's ESM resolution requires.
  emitLegacyCommonJSImports: false,
};

/**
 * The client's operations as persisted documents: `persisted-documents.json` maps the SHA-256 (hex,
 * as Apollo's APQ `sha256Hash`) of each document's text to that text; the gateway loads it at start.
 * Each generated document carries its hash and that exact text (`__meta__`), so the client can send
 * the hash alone and, when a gateway does not know it, the text that hashes to it. The text is
 * printed as the preset prints what it hashes (`printExecutableGraphQLDocument`).
 */
const persistedDocuments = {
  mode: 'embedHashInDocument',
  hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex'),
} as const;

const codegen: CodegenConfig = {
  overwrite: true,
  schema: 'schema/supergraph.graphql',
  ignoreNoDocuments: true,
  generates: {
    'packages/client/src/generated/': {
      documents: ['packages/client/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments,
        onExecutableDocumentNode: (document: DocumentNode) => ({ text: printExecutableGraphQLDocument(document) }),
      },
      config,
      // The preset writes the list beside the generated code; it is kept at the package's root,
      // outside `src/`, where the gateway's built image still finds it.
      hooks: {
        afterOneFileWrite: (path: string) => {
          if (path.endsWith('/persisted-documents.json')) renameSync(path, 'packages/client/persisted-documents.json');
        },
      },
    },
    'tests/generated/': {
      documents: ['tests/**/*.ts', '!tests/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config,
    },
  },
};

export default codegen;
