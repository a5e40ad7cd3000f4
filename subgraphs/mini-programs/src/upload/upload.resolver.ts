import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import { createUpload } from './upload.service.js';
import { CreateUploadInput, CreateUploadPayload } from './upload.type.js';

@Resolver()
export class UploadResolver {
  @Mutation(() => CreateUploadPayload, {
    description:
      'Declares a file (purpose, size, SHA-256) and answers where to PUT its bytes; then name the upload id, within 24 hours, in the ' +
      'mutation that uses it. Any signed-in account. userErrors: INVALID, QUOTA_EXCEEDED (the account would hold more unused ' +
      'uploads than its quota, 100 MiB by default).',
  })
  createUpload(
    @Arg('input', () => CreateUploadInput, { description: 'The file to declare.' }) input: CreateUploadInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    const viewer = ctx.access.requireViewer();
    return mutationPayload('upload', () => createUpload(ctx.deps, viewer, input));
  }
}
