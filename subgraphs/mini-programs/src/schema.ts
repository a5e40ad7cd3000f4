import { buildSubgraph, type SubgraphSchemaOptions } from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { MiniProgramMemberResolver } from './member/member.resolver.js';
import { MiniProgramResolver, resolveMiniProgramReference } from './mini-program/mini-program.resolver.js';
import { UploadResolver } from './upload/upload.resolver.js';
import { VersionResolver } from './version/version.resolver.js';
import { resolveWorkspaceReference, WorkspaceMiniProgramsResolver } from './workspace/workspace.resolver.js';

const options: SubgraphSchemaOptions = {
  resolvers: [MiniProgramResolver, MiniProgramMemberResolver, VersionResolver, UploadResolver, WorkspaceMiniProgramsResolver],
  referenceResolvers: {
    MiniProgram: { __resolveReference: resolveMiniProgramReference },
    Workspace: { __resolveReference: resolveWorkspaceReference },
  },
};

let schema: GraphQLSchema | null = null;

export function buildMiniProgramsSchema(): GraphQLSchema {
  schema ??= buildSubgraph(options);
  return schema;
}
