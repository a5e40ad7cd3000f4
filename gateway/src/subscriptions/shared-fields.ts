import { getNamedType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Fields whose answer is the same for every account that may see the order: public facts of the
 * order, its parties, service and mini program. A payload selecting only these can be computed once
 * per event and shared by all its subscribers. Anything that depends on who asks (a workspace's
 * members, an account's memberships, a mini program's versions, a workspace's own lists, a company's
 * verification details) makes the payload per account.
 */
const SHARED: Record<string, ReadonlySet<string>> = {
  OrderEvent: new Set(['cursor', 'order', 'from', 'to', 'actor', 'reason', 'at']),
  Order: new Set(['id', 'number', 'service', 'merchant', 'isv', 'miniProgram', 'price', 'requirements', 'status', 'events', 'createdAt', 'updatedAt']),
  Money: new Set(['amount', 'currency']),
  Service: new Set(['id', 'isv', 'name', 'industry', 'type', 'description', 'images', 'applicableApps', 'price', 'companyInfo', 'status', 'createdAt', 'updatedAt']),
  CompanyInfo: new Set(['name', 'contactEmail', 'contactPhone', 'website']),
  Workspace: new Set(['id', 'kind', 'name', 'createdAt', 'verification']),
  Verification: new Set(['status']),
  // The public profile only: contact details depend on whether the ISV holds the authorization.
  MiniProgram: new Set(['id', 'merchant', 'name', 'tagline', 'logoUrl', 'industry', 'status', 'createdAt', 'authorizedIsv']),
  Account: new Set(['id', 'email', 'displayName', 'createdAt']),
};

/** Whether every field a completion query selects below its root field is a shared one. */
export function selectsSharedFieldsOnly(schema: GraphQLSchema, completion: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let shared = true;
  let depth = 0;
  visit(
    completion,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter() {
          depth = 0;
        },
      },
      Field: {
        enter(node) {
          depth += 1;
          if (depth === 1 || node.name.value === '__typename') return; // the root field: orderEvent / order
          const parent = typeInfo.getParentType();
          const parentName = parent && isObjectType(getNamedType(parent)) ? getNamedType(parent)!.name : parent?.name;
          if (!parentName || !SHARED[parentName]?.has(node.name.value)) shared = false;
        },
        leave() {
          depth -= 1;
        },
      },
      FragmentDefinition: {
        enter() {
          // Fragments are visited with their own type condition: every field in them is below a root field.
          depth = 1;
        },
      },
    }),
  );
  return shared;
}
