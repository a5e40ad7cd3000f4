import { badUserInput } from '@mpp/kit';
import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The subscriptions the graph offers, and the query field that completes each event. */
const SUBSCRIPTION_FIELDS = {
  orderStatusChanged: { queryField: 'orderEvent', argument: 'cursor', type: 'String' },
  orderPlaced: { queryField: 'order', argument: 'id', type: 'ID' },
} as const;

export type SubscriptionFieldName = keyof typeof SUBSCRIPTION_FIELDS;

export interface ParsedSubscription {
  field: SubscriptionFieldName;
  /** The field's arguments, with variables substituted. */
  args: Record<string, unknown>;
  /** The query that completes one event with the client's selection (the event key as `$__key`). */
  completion: DocumentNode;
  /** The client's variables that the completion query still uses. */
  completionVariables: Record<string, unknown>;
  /** The key the client expects its data under (the field's alias, if any). */
  responseKey: string;
  /** Whether one execution per event may serve every subscriber with this selection. */
  shared?: boolean;
  /** The completion query and its variables as text: subscribers with the same one share executions. */
  key: string;
}

const KEY_VARIABLE = '__key';

function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  const value = argument.value;
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

/** The variables and fragments a selection uses, through its fragments too. */
function dependencies(selection: SelectionSetNode, fragments: FragmentDefinitionNode[]): { used: Set<string>; seen: Set<string> } {
  const used = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      Variable: (v) => {
        used.add(v.name.value);
      },
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const fragment = fragments.find((f) => f.name.value === name);
        if (fragment) walk(fragment);
      },
    });
  walk(selection);
  return { used, seen };
}

/**
 * Turns a validated subscription document into its parts: which subscription, its arguments,
 * and the query that completes each event with the same selection, so payloads may select fields
 * of every subgraph and the gateway's query planner fetches them.
 */
export function parseSubscription(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>): ParsedSubscription {
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
  if (fields.length !== 1 || operation.selectionSet.selections.length !== 1) {
    throw badUserInput('A subscription selects exactly one field.');
  }
  const field = fields[0]!;
  const name = field.name.value as SubscriptionFieldName;
  const spec = SUBSCRIPTION_FIELDS[name];
  if (!spec || !field.selectionSet) throw badUserInput(`Unknown subscription field ${name}.`);

  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const { used, seen } = dependencies(field.selectionSet, fragments);
  const keptVariables: VariableDefinitionNode[] = (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value));
  const completion: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        name: { kind: Kind.NAME, value: `${name}Event` },
        variableDefinitions: [
          ...keptVariables,
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: KEY_VARIABLE } },
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: spec.type } } },
          },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              alias: { kind: Kind.NAME, value: 'event' },
              name: { kind: Kind.NAME, value: spec.queryField },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: spec.argument },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: KEY_VARIABLE } },
                },
              ],
              selectionSet: field.selectionSet,
            },
          ],
        },
      },
      ...fragments.filter((f) => seen.has(f.name.value)),
    ],
  };
  const args = Object.fromEntries(
    ['workspaceId', 'orderId', 'after', 'isvWorkspaceId'].map((arg) => [arg, argumentValue(field, arg, variables)]),
  );
  const kept = Object.fromEntries([...used].map((v) => [v, variables[v]]));
  return {
    field: name,
    args,
    completion,
    completionVariables: kept,
    responseKey: field.alias?.value ?? name,
    key: `${print(completion)}|${JSON.stringify(kept)}`,
  };
}

/** Variables of one event's completion query. */
export function completionVariables(parsed: ParsedSubscription, key: string): Record<string, unknown> {
  return { ...parsed.completionVariables, [KEY_VARIABLE]: key };
}
