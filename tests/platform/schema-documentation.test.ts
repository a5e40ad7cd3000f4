import { TestPlatform } from '@mpp/testkit';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/http.js';

// The API as integrators read it in the playground's docs: introspected from the gateway, every
// type, field, argument, input field and enum value says what it is and its rules.

/** Each element of the schema by its schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`), with its description. */
function describedElements(schema: GraphQLSchema): Map<string, string | null | undefined> {
  const elements = new Map<string, string | null | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    // Introspection types, built-in scalars and federation's own types are not the product's to describe.
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || /^(_|join__|link__)/.test(type.name)) continue;
    elements.set(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        elements.set(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) elements.set(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) elements.set(`${type.name}.${value.name}`, value.description);
  }
  return elements;
}

function undocumented(schema: GraphQLSchema): string[] {
  return [...describedElements(schema)].filter(([, description]) => !description?.trim()).map(([coordinate]) => coordinate);
}

let platform: TestPlatform;
let schema: GraphQLSchema;
let elements: Map<string, string | null | undefined>;
beforeAll(async () => {
  platform = await TestPlatform.start();
  const response = await postJson(platform, JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }));
  expect(response.status, response.text).toBe(200);
  const body = response.json as { data?: IntrospectionQuery; errors?: unknown };
  expect(body.errors, response.text).toBeUndefined();
  schema = buildClientSchema(body.data!);
  elements = describedElements(schema);
});
afterAll(() => platform?.stop());

const description = (coordinate: string): string => {
  expect(elements.has(coordinate), `${coordinate} is in the schema`).toBe(true);
  return elements.get(coordinate) ?? '';
};

describe('the schema served by the gateway', () => {
  it('finds what is not described', () => {
    const bare = buildSchema('type Query { a(b: Int): E } """Described."""\nenum E { X }');
    expect(undocumented(bare)).toEqual(['Query', 'Query.a', 'Query.a(b:)', 'E.X']);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    // The whole API is here: each subgraph's entry points and the federation-free names.
    expect(schema.getQueryType()?.getFields()).toHaveProperty('serviceMarket');
    expect(schema.getMutationType()?.getFields()).toHaveProperty('createMiniProgram');
    expect(schema.getSubscriptionType()?.getFields()).toHaveProperty('orderPlaced');
    expect(elements.size).toBeGreaterThan(500);
    expect(undocumented(schema)).toEqual([]);
  });

  it('states the rules: limits, formats, who may call, the userErrors codes', () => {
    expect(description('SignUpInput.password')).toMatch(/at least 10 characters/i);
    expect(description('SignUpInput.password')).toMatch(/common/);
    expect(description('CreateWorkspaceInput.name')).toMatch(/2 to 60 characters/);
    expect(description('CreateServiceInput.description')).toMatch(/20 to 2000 characters/);
    expect(description('CreateWebhookEndpointInput.url')).toMatch(/https/);
    expect(description('Mutation.approveService')).toMatch(/Platform members only \(FORBIDDEN otherwise\)/);
    expect(description('Mutation.submitServiceForReview')).toMatch(/NOT_VERIFIED/);
    expect(description('Mutation.createWebhookEndpoint')).toMatch(/QUOTA_EXCEEDED/);
  });

  it("gives every list's page size", () => {
    const firstArguments = [...elements].filter(([coordinate]) => coordinate.endsWith('(first:)'));
    expect(firstArguments.length).toBeGreaterThan(5);
    expect(firstArguments.filter(([, text]) => !text?.includes('0 to 100, default 20')).map(([coordinate]) => coordinate)).toEqual([]);
  });

  it("names every mutation's userErrors", () => {
    const withUserErrors = Object.values(schema.getMutationType()!.getFields()).filter((mutation) => {
      const payload = getNamedType(mutation.type);
      return isObjectType(payload) && payload.getFields().userErrors !== undefined;
    });
    expect(withUserErrors.length).toBeGreaterThan(30);
    expect(withUserErrors.filter((mutation) => !mutation.description?.includes('userErrors')).map((mutation) => `Mutation.${mutation.name}`)).toEqual([]);
  });

  it("gives the logo's 256 KB limit where a logo is given or shown", () => {
    const logo = [...elements].filter(([coordinate]) => /logo/i.test(coordinate));
    expect(logo.length).toBeGreaterThan(0);
    expect(logo.some(([, text]) => text?.includes('256')), JSON.stringify(logo)).toBe(true);
  });
});
