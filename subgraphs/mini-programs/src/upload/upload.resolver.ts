import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import { createUpload } from './upload.service.js';
import { CreateUploadInput, CreateUploadPayload } from './upload.type.js';

@Resolver()
export class UploadResolver {
  @Mutation(() => CreateUploadPayload, {
    description: 'Declares a file (size and SHA-256); PUT its bytes to the returned URL, then name the upload id in a mutation.',
  })
  createUpload(@Arg('input', () => CreateUploadInput) input: CreateUploadInput, @Ctx() ctx: MiniProgramsContext) {
    const viewer = ctx.access.requireViewer();
    return mutationPayload('upload', () => createUpload(ctx.deps, viewer, input));
  }
}
