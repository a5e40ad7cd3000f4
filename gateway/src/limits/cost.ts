import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { fragmentsOf } from './operation.js';

/**
 * Query cost as Shopify's Admin API counts it, from the document and its variables alone (before
 * anything runs):
 * - a field of an object, interface or union type costs 1, a scalar or enum 0;
 * - a connection (a field with a `first` argument, or of a `…Connection` type) multiplies what its
 *   lists select by `first`, or by the default page size when omitted;
 * - any other list of objects counts `LIST_SIZE_ESTIMATE` items: such lists are bounded but
 *   nested ones multiply (members → account → memberships → …), and that is what must cost;
 * - a mutation field costs 10, whatever its payload selects;
 * - introspection (`__schema`, `__type`, `__typename`) is free: the playground switch governs it.
 */
export const MUTATION_COST = 10;
export const LIST_SIZE_ESTIMATE = 10;
export const DEFAULT_PAGE_SIZE = 20;

/** The requested cost of the selected operation (the only one, or the one named). */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const operation = selectOperation(document, operationName);
  if (!operation) return 0;
  const counter = new Counter(schema, fragmentsOf(document), variables, { defaultPageSize: DEFAULT_PAGE_SIZE, listSizeEstimate: LIST_SIZE_ESTIMATE });
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  if (operation.operation === 'mutation') {
    return counter.collect(root, operation.selectionSet).filter(([, fields]) => !fields[0]!.name.value.startsWith('__')).length * MUTATION_COST;
  }
  return counter.selectionCost(root, operation.selectionSet, counter.options.listSizeEstimate);
}

/**
 * The actual cost of an answer: every object in `data` counts 1 (so a connection counts the
 * nodes it returned, not the page size asked for), scalars 0, each mutation field 10.
 */
export function actualCost(data: unknown, operationType: 'query' | 'mutation' | 'subscription'): number {
  if (!data || typeof data !== 'object') return 0;
  if (operationType === 'mutation') {
    return Object.keys(data).filter((key) => key !== '__typename').length * MUTATION_COST;
  }
  // An answer the response cache gives back again is the same object each time: counted once.
  let cost = countedAnswers.get(data);
  if (cost === undefined) {
    cost = objectsIn(data) - 1; // `data` itself is not one of them
    countedAnswers.set(data, cost);
  }
  return cost;
}

/** The cost of each answer counted (answers are never changed once made). */
const countedAnswers = new WeakMap<object, number>();

/** Walked for every answer: no arrays of values made, no call for a scalar. */
function objectsIn(value: object): number {
  if (Array.isArray(value)) {
    let total = 0;
    for (const item of value as unknown[]) if (item !== null && typeof item === 'object') total += objectsIn(item);
    return total;
  }
  let total = 1;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') total += objectsIn(child);
  }
  return total;
}

export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

class Counter {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    readonly options: { defaultPageSize: number; listSizeEstimate: number },
  ) {}

  /** What `listSize` items of the lists in this selection cost, fields merged by response key. */
  selectionCost(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, listSize: number): number {
    let total = 0;
    for (const [, fields] of this.collect(parent, selectionSet)) {
      const first = fields[0]!;
      if (first.name.value.startsWith('__')) continue;
      const definition = fieldOf(parent, first.name.value);
      if (!definition) continue;
      const named = getNamedType(definition.type);
      if (!isCompositeType(named)) continue;
      const isList = isListType(getNullableType(definition.type));
      const pageSize = this.pageSize(first, definition, named.name);
      // A connection's own lists (edges, nodes) hold `first` items; any other list an estimate.
      const childListSize = pageSize ?? this.options.listSizeEstimate;
      let below = 0;
      for (const field of fields) if (field.selectionSet) below += this.selectionCost(named, field.selectionSet, childListSize);
      const one = 1 + below;
      total += isList ? (pageSize ?? listSize) * one : one;
    }
    return total;
  }

  /** `first` of a connection field (or the default page size), null for any other field. */
  private pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, typeName: string): number | null {
    const hasFirst = definition.args.some((arg) => arg.name === 'first');
    if (!hasFirst && !typeName.endsWith('Connection')) return null;
    const argument = field.arguments?.find((arg) => arg.name.value === 'first');
    if (!argument) return this.options.defaultPageSize;
    const value = valueFromASTUntyped(argument.value, this.variables);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : this.options.defaultPageSize;
  }

  /** Fields by response key, through fragments, leaving out what `@skip`/`@include` leave out. */
  collect(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode[]>(), seen = new Set<string>()): [string, FieldNode[]][] {
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key);
        if (list) list.push(selection);
        else into.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(this.typeNamed(selection.typeCondition?.name.value) ?? parent, selection.selectionSet, into, seen);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || seen.has(name)) continue; // a cycle is a validation error anyway
        seen.add(name);
        this.collect(this.typeNamed(fragment.typeCondition.name.value) ?? parent, fragment.selectionSet, into, seen);
      }
    }
    return [...into];
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | null {
    const type = name ? this.schema.getType(name) : undefined;
    return type && isCompositeType(type) ? type : null;
  }

  private included(node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] }): boolean {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const argument = directive.arguments?.find((arg) => arg.name.value === 'if');
      const value = argument ? valueFromASTUntyped(argument.value, this.variables) : undefined;
      if (name === 'skip' && value === true) return false;
      if (name === 'include' && value === false) return false;
    }
    return true;
  }
}

/** A field of an object or interface; on a union, the first member type that has it. */
function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if ('getFields' in parent) return parent.getFields()[name];
  for (const member of parent.getTypes()) {
    if (isObjectType(member) && member.getFields()[name]) return member.getFields()[name];
  }
  return undefined;
}
