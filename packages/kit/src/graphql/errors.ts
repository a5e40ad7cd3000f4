import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { isUnavailable } from '../db/errors.js';

/** The contract's expected-failure codes; returned in `userErrors`, never thrown to the client. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_STATE = 'INVALID_STATE',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  TAKEN = 'TAKEN',
  NOT_VERIFIED = 'NOT_VERIFIED',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'The kind of an expected failure in `userErrors`, for programs to act on; each mutation says which it returns.',
  valuesConfig: {
    INVALID: { description: 'An input value breaks a rule (format, length, range, a weak password, wrong credentials); `field` names the value.' },
    NOT_FOUND: { description: 'Nothing the caller may see matches the id (or email) given: it does not exist, or is hidden from the caller.' },
    INVALID_STATE: { description: 'The thing is not in a state that allows this step (e.g. an order that is not NEW), or another change won the race.' },
    QUOTA_EXCEEDED: { description: 'A limit on how many is reached, e.g. 10 mini programs per merchant or 10 webhook endpoints per workspace.' },
    TAKEN: { description: 'The value is in use already, e.g. an email, a membership or a version number.' },
    NOT_VERIFIED: { description: 'The workspace has not passed identity verification (status VERIFIED), which this step needs.' },
  },
});

@Directive('@shareable')
@ObjectType({
  description:
    "An expected failure of a mutation (bad input, wrong state, quota, duplicate, not verified). When a payload's " +
    '`userErrors` is not empty, nothing was changed and its other fields are null.',
})
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field, e.g. ["input", "name"]; null when the error is not about one field.',
  })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong and how to put it right, in English, for a person to read.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of failure, for programs to act on.' })
  code!: UserErrorCode;
}

/**
 * Thrown by service logic for an expected failure. Mutation resolvers turn it into `userErrors`;
 * thrown inside a transaction it also rolls the transaction back.
 */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'UserErrors';
  }
}

/** Builds one `UserError`; `field` is relative to the mutation's `input` argument. */
export function userError(code: UserErrorCode, message: string, field?: string | readonly string[]): UserError {
  const path = field === undefined ? null : ['input', ...(typeof field === 'string' ? field.split('.') : field)];
  return { code, message, field: path };
}

/** Fails the current operation with one user error. */
export function fail(code: UserErrorCode, message: string, field?: string | readonly string[]): never {
  throw new UserErrors([userError(code, message, field)]);
}

/** Collects field errors so a client sees every broken rule of an input at once. */
export class InputChecks {
  private readonly errors: UserError[] = [];
  private readonly fields = new Set<string>();

  /** Records a broken rule; a field reports only its first one (an empty name is short, not also invisible). */
  check(ok: boolean, field: string, message: string, code: UserErrorCode = UserErrorCode.INVALID): this {
    if (!ok && !this.fields.has(field)) {
      this.fields.add(field);
      this.errors.push(userError(code, message, field));
    }
    return this;
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (this.errors.length > 0) throw new UserErrors([...this.errors]);
  }
}

/**
 * Runs a mutation body and shapes its outcome as the contract's payload: the body's fields with
 * empty `userErrors`, or every field null with the user errors. Other errors propagate.
 */
export async function withUserErrors<T extends object>(
  body: () => Promise<T>,
  empty: { [K in keyof T]: null },
): Promise<{ [K in keyof T]: T[K] | null } & { userErrors: UserError[] }> {
  try {
    return { ...(await body()), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, userErrors: error.errors };
    throw error;
  }
}

/** `withUserErrors` for the common payload of one field, e.g. `{ workspace, userErrors }`. */
export function mutationPayload<K extends string, T>(key: K, body: () => Promise<T>) {
  return withUserErrors(async () => ({ [key]: await body() }) as { [P in K]: T }, { [key]: null } as { [P in K]: null });
}

/** Codes of errors we throw on purpose; anything else is masked before it leaves a server. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

/** The message of a request that failed because the database could not be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; try again shortly.';

/**
 * Not signed in. `badToken` answers the whole request with HTTP 401 (a token was sent and is not
 * valid); a field that needs a viewer only fails itself, so a gateway still merges the rest.
 */
export function unauthenticated(message = 'Sign in first: send Authorization: Bearer <token>.', options: { badToken?: boolean } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, ...(options.badToken ? { http: { status: 401 } } : {}) },
  });
}

export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** A field that cannot be answered in the thing's current state (mutations use `userErrors` instead). */
export function invalidStateError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: UserErrorCode.INVALID_STATE } });
}

/** A query argument that breaks a rule (mutations use `userErrors` instead). */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

/** Error codes graphql-js and Apollo Server produce for a malformed request; safe to show as they are. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The gateway under PERSISTED_DOCUMENTS_ONLY: a document not in persisted-documents.json.
  'PERSISTED_DOCUMENT_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  UserErrorCode.INVALID_STATE,
  ErrorCode.SERVICE_UNAVAILABLE,
  // The gateway's limits (README "Limits").
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
]);

/** Extensions a client is meant to read, kept beside the code. */
const publicExtensions = ['argument', 'cost', 'retryAfterSeconds'] as const;

/**
 * `formatError` for every server: known error codes pass through; anything else (a bug, a database
 * error) becomes a generic INTERNAL_SERVER_ERROR so no SQL, stack or internal detail reaches a client;
 * a database that cannot be reached becomes SERVICE_UNAVAILABLE.
 * `report` receives the original error for the logs.
 */
export function maskUnexpectedErrors(report: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && requestErrorCodes.has(code)) {
      // Only what a client needs: internal extensions (a subgraph's name or URL, a response) stay in.
      const kept = publicExtensions.filter((name) => formatted.extensions?.[name] !== undefined);
      return { ...formatted, extensions: { code, ...Object.fromEntries(kept.map((name) => [name, formatted.extensions![name]])) } };
    }
    if (isUnavailable(error)) {
      // The database is down or restarting: a retryable answer, not a bug (no SQL or host leaks).
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    report(error);
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
