import { DateTimeScalar, UserError } from '@mpp/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum UploadPurpose {
  LOGO = 'LOGO',
  PACKAGE = 'PACKAGE',
}
registerEnumType(UploadPurpose, {
  name: 'UploadPurpose',
  description: 'What an upload is for: its size limit and the mutation that may use it.',
  valuesConfig: {
    LOGO: {
      description:
        'A mini program logo for `createMiniProgram` or `updateMiniProgram`: image/png or image/jpeg, at most 256 KB (262,144 bytes), ' +
        'and, when used, a JPEG or PNG by its bytes, exactly square, with nothing after the end of the image.',
    },
    PACKAGE: { description: 'A mini program package for `uploadVersion`: at most 20 MiB (20,971,520 bytes) unless the platform sets another limit.' },
  },
});

@InputType({ description: 'A file to declare before sending its bytes; each broken rule is an INVALID userError on its field.' })
export class CreateUploadInput {
  @Field(() => UploadPurpose, { description: 'What the file is for: its size limit and where it can be used.' })
  purpose!: UploadPurpose;

  @Field(() => String, { description: 'The file name, 1 to 255 characters, without a path (`/`, `\\`).' })
  filename!: string;

  @Field(() => String, {
    description:
      'Its MIME type, such as application/zip; a LOGO must be image/png or image/jpeg. Sent back in `headers` for the PUT; a ' +
      'logo is served with the type found in its bytes.',
  })
  contentType!: string;

  @Field(() => Int, {
    description:
      'The exact size in bytes: 1 to 262,144 (256 KB) for a LOGO, 1 to 20,971,520 (20 MiB, unless the platform sets another ' +
      'limit) for a PACKAGE. Counts toward the unused uploads one account may hold, 100 MiB by default (QUOTA_EXCEEDED).',
  })
  byteSize!: number;

  @Field(() => String, { description: 'Hex SHA-256 (64 digits) of the bytes that will be sent; a PUT whose bytes differ is refused.' })
  sha256!: string;
}

@ObjectType({ description: 'One HTTP header.' })
export class HttpHeader {
  @Field(() => String, { description: 'Header name.' })
  name!: string;

  @Field(() => String, { description: 'Header value.' })
  value!: string;
}

@ObjectType({ description: 'Where and how to send the bytes: an HTTP PUT of the raw file to `url` with `headers`.' })
export class StagedUpload {
  @Field(() => ID, {
    description:
      'Name it, once the bytes are received, in `logoUploadId` or `packageUploadId`: by the same account, once, within 24 ' +
      'hours.',
  })
  uploadId!: string;

  @Field(() => String, {
    description:
      "Where to PUT the raw bytes, on the gateway's origin; it carries its own signature (no token needed). Answers 200 when the " +
      'bytes match the declaration; 400 or 413 when their size or SHA-256 differs, 409 once received, 410 once expired.',
  })
  url!: string;

  @Field(() => [HttpHeader], { description: 'Headers to send with the PUT.' })
  headers!: HttpHeader[];

  @Field(() => DateTimeScalar, { description: 'Until when the URL accepts the bytes (15 minutes after the declaration by default).' })
  expiresAt!: Date;
}

@ObjectType({ description: 'The result of `createUpload`.' })
export class CreateUploadPayload {
  @Field(() => StagedUpload, {
    nullable: true,
    description: 'Where and how to send the bytes; null when `userErrors` says why nothing was declared.',
  })
  upload!: StagedUpload | null;

  @Field(() => [UserError], { description: 'Why nothing was declared; empty on success.' })
  userErrors!: UserError[];
}
