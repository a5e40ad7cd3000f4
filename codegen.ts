import type { CodegenConfig } from '@graphql-codegen/cli';

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

const codegen: CodegenConfig = {
  overwrite: true,
  schema: 'schema/supergraph.graphql',
  ignoreNoDocuments: true,
  generates: {
    'packages/client/src/generated/': {
      documents: ['packages/client/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config,
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
