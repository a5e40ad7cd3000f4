/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddWorkspaceMember($input: AddWorkspaceMemberInput!) {\n  addWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.AddWorkspaceMemberDocument,
    "mutation ApproveVerification($input: WorkspaceRefInput!) {\n  approveVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ApproveVerificationDocument,
    "mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateWorkspaceDocument,
    "query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PendingVerificationsDocument,
    "mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectVerificationDocument,
    "mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RemoveWorkspaceMemberDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SignUpDocument,
    "mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SubmitVerificationDocument,
    "mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UpdateWorkspaceMemberRoleDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}": typeof types.ViewerDocument,
    "fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}": typeof types.WorkspaceFieldsFragmentDoc,
    "query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}": typeof types.WorkspaceDocument,
    "fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}": typeof types.UserErrorFieldsFragmentDoc,
    "mutation ApproveService($input: ServiceRefInput!) {\n  approveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ApproveServiceDocument,
    "mutation ArchiveService($input: ServiceRefInput!) {\n  archiveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ArchiveServiceDocument,
    "mutation CreateService($input: CreateServiceInput!) {\n  createService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateServiceDocument,
    "mutation RejectService($input: RejectServiceInput!) {\n  rejectService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectServiceDocument,
    "fragment ServiceFields on Service {\n  id\n  name\n  industry\n  type\n  description\n  images\n  applicableApps\n  price {\n    amount\n    currency\n  }\n  companyInfo {\n    name\n    contactEmail\n    contactPhone\n    website\n  }\n  status\n  rejectionReason\n  createdAt\n  updatedAt\n  isv {\n    id\n    name\n    verification {\n      status\n    }\n  }\n}": typeof types.ServiceFieldsFragmentDoc,
    "query ServiceMarket($filter: ServiceMarketFilter, $first: Int, $after: String) {\n  serviceMarket(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...ServiceFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": typeof types.ServiceMarketDocument,
    "query Service($id: ID!) {\n  service(id: $id) {\n    ...ServiceFields\n  }\n}": typeof types.ServiceDocument,
    "query ServicesPendingReview($first: Int, $after: String) {\n  servicesPendingReview(first: $first, after: $after) {\n    totalCount\n    nodes {\n      ...ServiceFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ServicesPendingReviewDocument,
    "mutation SubmitServiceForReview($input: ServiceRefInput!) {\n  submitServiceForReview(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SubmitServiceForReviewDocument,
    "mutation UpdateService($input: UpdateServiceInput!) {\n  updateService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UpdateServiceDocument,
    "mutation WithdrawService($input: ServiceRefInput!) {\n  withdrawService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.WithdrawServiceDocument,
    "query WorkspaceServices($workspaceId: ID!, $status: ServiceStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    services(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.WorkspaceServicesDocument,
};
const documents: Documents = {
    "mutation AddWorkspaceMember($input: AddWorkspaceMemberInput!) {\n  addWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.AddWorkspaceMemberDocument,
    "mutation ApproveVerification($input: WorkspaceRefInput!) {\n  approveVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ApproveVerificationDocument,
    "mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateWorkspaceDocument,
    "query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PendingVerificationsDocument,
    "mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectVerificationDocument,
    "mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RemoveWorkspaceMemberDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SignInDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SignUpDocument,
    "mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SubmitVerificationDocument,
    "mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UpdateWorkspaceMemberRoleDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}": types.ViewerDocument,
    "fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}": types.WorkspaceFieldsFragmentDoc,
    "query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}": types.WorkspaceDocument,
    "fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}": types.UserErrorFieldsFragmentDoc,
    "mutation ApproveService($input: ServiceRefInput!) {\n  approveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ApproveServiceDocument,
    "mutation ArchiveService($input: ServiceRefInput!) {\n  archiveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ArchiveServiceDocument,
    "mutation CreateService($input: CreateServiceInput!) {\n  createService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateServiceDocument,
    "mutation RejectService($input: RejectServiceInput!) {\n  rejectService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectServiceDocument,
    "fragment ServiceFields on Service {\n  id\n  name\n  industry\n  type\n  description\n  images\n  applicableApps\n  price {\n    amount\n    currency\n  }\n  companyInfo {\n    name\n    contactEmail\n    contactPhone\n    website\n  }\n  status\n  rejectionReason\n  createdAt\n  updatedAt\n  isv {\n    id\n    name\n    verification {\n      status\n    }\n  }\n}": types.ServiceFieldsFragmentDoc,
    "query ServiceMarket($filter: ServiceMarketFilter, $first: Int, $after: String) {\n  serviceMarket(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...ServiceFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": types.ServiceMarketDocument,
    "query Service($id: ID!) {\n  service(id: $id) {\n    ...ServiceFields\n  }\n}": types.ServiceDocument,
    "query ServicesPendingReview($first: Int, $after: String) {\n  servicesPendingReview(first: $first, after: $after) {\n    totalCount\n    nodes {\n      ...ServiceFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ServicesPendingReviewDocument,
    "mutation SubmitServiceForReview($input: ServiceRefInput!) {\n  submitServiceForReview(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SubmitServiceForReviewDocument,
    "mutation UpdateService($input: UpdateServiceInput!) {\n  updateService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UpdateServiceDocument,
    "mutation WithdrawService($input: ServiceRefInput!) {\n  withdrawService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.WithdrawServiceDocument,
    "query WorkspaceServices($workspaceId: ID!, $status: ServiceStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    services(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.WorkspaceServicesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddWorkspaceMember($input: AddWorkspaceMemberInput!) {\n  addWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation AddWorkspaceMember($input: AddWorkspaceMemberInput!) {\n  addWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveVerification($input: WorkspaceRefInput!) {\n  approveVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ApproveVerification($input: WorkspaceRefInput!) {\n  approveVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}"): (typeof documents)["fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}"): (typeof documents)["query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}"): (typeof documents)["fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveService($input: ServiceRefInput!) {\n  approveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ApproveService($input: ServiceRefInput!) {\n  approveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ArchiveService($input: ServiceRefInput!) {\n  archiveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ArchiveService($input: ServiceRefInput!) {\n  archiveService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateService($input: CreateServiceInput!) {\n  createService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CreateService($input: CreateServiceInput!) {\n  createService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectService($input: RejectServiceInput!) {\n  rejectService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RejectService($input: RejectServiceInput!) {\n  rejectService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ServiceFields on Service {\n  id\n  name\n  industry\n  type\n  description\n  images\n  applicableApps\n  price {\n    amount\n    currency\n  }\n  companyInfo {\n    name\n    contactEmail\n    contactPhone\n    website\n  }\n  status\n  rejectionReason\n  createdAt\n  updatedAt\n  isv {\n    id\n    name\n    verification {\n      status\n    }\n  }\n}"): (typeof documents)["fragment ServiceFields on Service {\n  id\n  name\n  industry\n  type\n  description\n  images\n  applicableApps\n  price {\n    amount\n    currency\n  }\n  companyInfo {\n    name\n    contactEmail\n    contactPhone\n    website\n  }\n  status\n  rejectionReason\n  createdAt\n  updatedAt\n  isv {\n    id\n    name\n    verification {\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceMarket($filter: ServiceMarketFilter, $first: Int, $after: String) {\n  serviceMarket(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...ServiceFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"): (typeof documents)["query ServiceMarket($filter: ServiceMarketFilter, $first: Int, $after: String) {\n  serviceMarket(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...ServiceFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Service($id: ID!) {\n  service(id: $id) {\n    ...ServiceFields\n  }\n}"): (typeof documents)["query Service($id: ID!) {\n  service(id: $id) {\n    ...ServiceFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServicesPendingReview($first: Int, $after: String) {\n  servicesPendingReview(first: $first, after: $after) {\n    totalCount\n    nodes {\n      ...ServiceFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query ServicesPendingReview($first: Int, $after: String) {\n  servicesPendingReview(first: $first, after: $after) {\n    totalCount\n    nodes {\n      ...ServiceFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitServiceForReview($input: ServiceRefInput!) {\n  submitServiceForReview(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SubmitServiceForReview($input: ServiceRefInput!) {\n  submitServiceForReview(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateService($input: UpdateServiceInput!) {\n  updateService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation UpdateService($input: UpdateServiceInput!) {\n  updateService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawService($input: ServiceRefInput!) {\n  withdrawService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation WithdrawService($input: ServiceRefInput!) {\n  withdrawService(input: $input) {\n    service {\n      ...ServiceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkspaceServices($workspaceId: ID!, $status: ServiceStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    services(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query WorkspaceServices($workspaceId: ID!, $status: ServiceStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    services(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;