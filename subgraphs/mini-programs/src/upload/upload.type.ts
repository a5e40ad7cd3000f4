import { DateTimeScalar, UserError } from '@mpp/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum UploadPurpose {
  LOGO = 'LOGO',
  PACKAGE = 'PACKAGE',
}
registerEnumType(UploadPurpose, { name: 'UploadPurpose' });

@InputType()
export class CreateUploadInput {
  @Field(() => UploadPurpose)
  purpose!: UploadPurpose;

  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field(() => String, { description: 'Hex SHA-256 of the bytes that will be sent.' })
  sha256!: string;
}

@ObjectType()
export class HttpHeader {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: 'Where and how to send the bytes: an HTTP PUT of the raw file to `url` with `headers`.' })
export class StagedUpload {
  @Field(() => ID)
  uploadId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [HttpHeader])
  headers!: HttpHeader[];

  @Field(() => DateTimeScalar)
  expiresAt!: Date;
}

@ObjectType()
export class CreateUploadPayload {
  @Field(() => StagedUpload, { nullable: true })
  upload!: StagedUpload | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
