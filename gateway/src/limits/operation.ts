import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
}

/** Root fields that try a password or create an account: one of them per request. */
const CREDENTIAL_FIELDS = new Set(['signIn', 'signUp', 'changePassword']);

export function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/**
 * Parses with the token limit applied by the lexer itself (graphql-js `maxTokens`), so a huge
 * document is refused after `maxTokens` tokens instead of after a full parse. Null when the
 * document is fine for the limits but not valid GraphQL (Apollo Server reports that as usual).
 */
export function parseWithinLimits(source: string, maxTokens: number): DocumentNode | null {
  try {
    return parse(source, { maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /tokens\. Parsing aborted/.test(error.message)) {
      throw new GraphQLError(`The document has more than ${maxTokens} tokens.`, {
        extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
      });
    }
    return null;
  }
}

/**
 * The shape limits of every operation in a document: depth, aliases and directives (graphql-armor's
 * rules), root fields and credential fields (ours). Linear in the document's size, unlike the full
 * validation (overlapping fields compare pairs), which is why it runs first.
 */
export function shapeErrors(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): GraphQLError[] {
  const errors = validate(
    schema,
    document,
    [
      maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report }),
      maxAliasesRule({ n: limits.maxAliases, ...report }),
      maxDirectivesRule({ n: limits.maxDirectives, ...report }),
      rootFieldsRule(limits.maxRootFields),
    ],
    { maxErrors: 10 },
  );
  return errors.map((error) => limitError(error.message.replace(/^Syntax Error: /, '')));
}

/** graphql-armor's rules report to the validation context (instead of throwing out of `validate`). */
const report = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

function rootFieldsRule(maxRootFields: number) {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(node: { selectionSet: SelectionSetNode }) {
        const names = rootFields(node.selectionSet, fragments)
          .map((field) => field.name.value)
          .filter((name) => name !== '__typename');
        if (names.length > maxRootFields) {
          context.reportError(new GraphQLError(`An operation may select at most ${maxRootFields} root fields; this one selects ${names.length}.`));
        }
        if (names.filter((name) => CREDENTIAL_FIELDS.has(name)).length > 1) {
          context.reportError(new GraphQLError('One signIn, signUp or changePassword per request.'));
        }
      },
    };
  };
}

/** The fragment definitions of a document, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Every root field selection (aliases counted each), through inline fragments and fragment spreads. */
export function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...rootFields(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}
