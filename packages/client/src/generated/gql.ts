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
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ChangePasswordDocument,
    "mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateWorkspaceDocument,
    "query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PendingVerificationsDocument,
    "mutation RefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RefreshSessionDocument,
    "mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectVerificationDocument,
    "mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RemoveWorkspaceMemberDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SignUpDocument,
    "mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SubmitVerificationDocument,
    "mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UpdateWorkspaceMemberRoleDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}": typeof types.ViewerDocument,
    "fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}": typeof types.WorkspaceFieldsFragmentDoc,
    "query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}": typeof types.WorkspaceDocument,
    "fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}": typeof types.UserErrorFieldsFragmentDoc,
    "mutation AddMiniProgramMember($input: AddMiniProgramMemberInput!) {\n  addMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.AddMiniProgramMemberDocument,
    "mutation ApproveVersion($input: VersionRefInput!) {\n  approveVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ApproveVersionDocument,
    "mutation CreateMiniProgram($input: CreateMiniProgramInput!) {\n  createMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateMiniProgramDocument,
    "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) {\n    upload {\n      uploadId\n      url\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateUploadDocument,
    "fragment MiniProgramFields on MiniProgram {\n  id\n  targetApp\n  name\n  tagline\n  description\n  logoUrl\n  industry\n  contactPhone\n  contactEmail\n  status\n  createdAt\n  merchant {\n    id\n    name\n  }\n}": typeof types.MiniProgramFieldsFragmentDoc,
    "query MiniProgramQrCode($id: ID!, $kind: QrCodeKind!, $page: String) {\n  miniProgram(id: $id) {\n    id\n    qrCode(kind: $kind, page: $page) {\n      kind\n      url\n      svg\n    }\n  }\n}": typeof types.MiniProgramQrCodeDocument,
    "query MiniProgramStatistics($id: ID!, $days: Int!) {\n  miniProgram(id: $id) {\n    id\n    statistics(days: $days) {\n      totalVisits\n      uniqueVisitors\n      days {\n        date\n        visits\n        uniqueVisitors\n      }\n    }\n  }\n}": typeof types.MiniProgramStatisticsDocument,
    "query MiniProgram($id: ID!) {\n  miniProgram(id: $id) {\n    ...MiniProgramFields\n    members {\n      role\n      addedAt\n      account {\n        id\n        email\n      }\n    }\n    currentRelease {\n      ...VersionFields\n    }\n    trialVersion {\n      ...VersionFields\n    }\n    versions(first: 50) {\n      nodes {\n        ...VersionFields\n      }\n    }\n    server: domains(kind: SERVER)\n    h5: domains(kind: H5)\n  }\n}": typeof types.MiniProgramDocument,
    "mutation RecordVisits($input: RecordVisitsInput!) {\n  recordVisits(input: $input) {\n    accepted\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RecordVisitsDocument,
    "mutation RejectVersion($input: RejectVersionInput!) {\n  rejectVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectVersionDocument,
    "mutation ReleaseVersion($input: ReleaseVersionInput!) {\n  releaseVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ReleaseVersionDocument,
    "mutation RemoveMiniProgramMember($input: RemoveMiniProgramMemberInput!) {\n  removeMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RemoveMiniProgramMemberDocument,
    "mutation RemoveMiniProgram($input: MiniProgramRefInput!) {\n  removeMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RemoveMiniProgramDocument,
    "mutation RollbackRelease($input: MiniProgramRefInput!) {\n  rollbackRelease(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RollbackReleaseDocument,
    "mutation SetDomainWhitelist($input: SetDomainWhitelistInput!) {\n  setDomainWhitelist(input: $input) {\n    miniProgram {\n      id\n      server: domains(kind: SERVER)\n      h5: domains(kind: H5)\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SetDomainWhitelistDocument,
    "mutation SetTrialVersion($input: VersionRefInput!) {\n  setTrialVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SetTrialVersionDocument,
    "mutation SubmitVersionForReview($input: VersionRefInput!) {\n  submitVersionForReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SubmitVersionForReviewDocument,
    "mutation TakeVersionOffline($input: VersionRefInput!) {\n  takeVersionOffline(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.TakeVersionOfflineDocument,
    "mutation UpdateMiniProgram($input: UpdateMiniProgramInput!) {\n  updateMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UpdateMiniProgramDocument,
    "mutation UploadVersion($input: UploadVersionInput!) {\n  uploadVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UploadVersionDocument,
    "fragment VersionFields on MiniProgramVersion {\n  id\n  version\n  description\n  status\n  packageSize\n  packageSha256\n  grayPercentage\n  rejectionReason\n  uploadedAt\n  submittedAt\n  reviewedAt\n  releasedAt\n  uploadedBy {\n    id\n    email\n  }\n}": typeof types.VersionFieldsFragmentDoc,
    "query VersionsPendingReview($first: Int, $after: String) {\n  versionsPendingReview(first: $first, after: $after) {\n    nodes {\n      ...VersionFields\n      miniProgram {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.VersionsPendingReviewDocument,
    "mutation WithdrawVersionReview($input: VersionRefInput!) {\n  withdrawVersionReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.WithdrawVersionReviewDocument,
    "query WorkspaceMiniPrograms($workspaceId: ID!, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    miniPrograms(first: $first, after: $after) {\n      nodes {\n        ...MiniProgramFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.WorkspaceMiniProgramsDocument,
    "mutation AcceptOrder($input: OrderRefInput!) {\n  acceptOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.AcceptOrderDocument,
    "mutation ApproveOrderClosure($input: OrderRefInput!) {\n  approveOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ApproveOrderClosureDocument,
    "mutation CancelOrder($input: OrderReasonInput!) {\n  cancelOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CancelOrderDocument,
    "mutation ConfirmOrder($input: OrderRefInput!) {\n  confirmOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ConfirmOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  requirements\n  price {\n    amount\n    currency\n  }\n  createdAt\n  updatedAt\n  service {\n    id\n    name\n  }\n  merchant {\n    id\n    name\n  }\n  isv {\n    id\n    name\n  }\n  miniProgram {\n    id\n    name\n  }\n}": typeof types.OrderFieldsFragmentDoc,
    "subscription OrderPlaced($isvWorkspaceId: ID!) {\n  orderPlaced(isvWorkspaceId: $isvWorkspaceId) {\n    ...OrderFields\n  }\n}": typeof types.OrderPlacedDocument,
    "subscription OrderStatusChanged($workspaceId: ID!, $orderId: ID, $after: String) {\n  orderStatusChanged(workspaceId: $workspaceId, orderId: $orderId, after: $after) {\n    cursor\n    from\n    to\n    reason\n    at\n    actor {\n      id\n      email\n    }\n    order {\n      id\n      number\n      status\n      service {\n        name\n        isv {\n          name\n        }\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        name\n      }\n    }\n  }\n}": typeof types.OrderStatusChangedDocument,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    miniProgram {\n      id\n      name\n      authorizedIsv {\n        id\n        name\n      }\n    }\n    events {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n        email\n      }\n    }\n  }\n}": typeof types.OrderDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.PlaceOrderDocument,
    "mutation RejectOrderClosure($input: OrderReasonInput!) {\n  rejectOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectOrderClosureDocument,
    "mutation RejectOrder($input: OrderReasonInput!) {\n  rejectOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RejectOrderDocument,
    "mutation RequestOrderClosure($input: OrderRefInput!) {\n  requestOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RequestOrderClosureDocument,
    "query WorkspaceOrders($workspaceId: ID!, $status: OrderStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    orders(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...OrderFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.WorkspaceOrdersDocument,
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
    "mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.CreateWebhookEndpointDocument,
    "mutation DeleteWebhookEndpoint($input: WebhookEndpointRefInput!) {\n  deleteWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.DeleteWebhookEndpointDocument,
    "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  workspace {\n    id\n  }\n  url\n  description\n  topics\n  enabled\n  disabledReason\n  disabledAt\n  failingSince\n  previousSecretExpiresAt\n  createdAt\n  updatedAt\n}\n\nfragment WebhookDeliveryFields on WebhookDelivery {\n  id\n  webhookId\n  topic\n  type\n  status\n  createdAt\n  nextAttemptAt\n  payload\n  attempts {\n    at\n    statusCode\n    durationMs\n    error\n    responseBody\n  }\n}": typeof types.WebhookEndpointFieldsFragmentDoc,
    "mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n  redeliverWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RedeliverWebhookDocument,
    "mutation RotateWebhookSecret($input: WebhookEndpointRefInput!) {\n  rotateWebhookSecret(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.RotateWebhookSecretDocument,
    "mutation SendTestWebhook($input: WebhookEndpointRefInput!) {\n  sendTestWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SendTestWebhookDocument,
    "mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n  updateWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.UpdateWebhookEndpointDocument,
    "query WebhookEndpoint($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n  webhookEndpoint(id: $id) {\n    ...WebhookEndpointFields\n    deliveries(first: $first, after: $after, status: $status) {\n      totalCount\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.WebhookEndpointDocument,
    "query WorkspaceWebhookEndpoints($id: ID!) {\n  workspace(id: $id) {\n    id\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n}": typeof types.WorkspaceWebhookEndpointsDocument,
};
const documents: Documents = {
    "mutation AddWorkspaceMember($input: AddWorkspaceMemberInput!) {\n  addWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.AddWorkspaceMemberDocument,
    "mutation ApproveVerification($input: WorkspaceRefInput!) {\n  approveVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ApproveVerificationDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ChangePasswordDocument,
    "mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n  createWorkspace(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateWorkspaceDocument,
    "query PendingVerifications($first: Int, $after: String) {\n  pendingVerifications(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        kind\n        name\n        verification {\n          status\n          companyName\n          registrationNumber\n          country\n          submittedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PendingVerificationsDocument,
    "mutation RefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RefreshSessionDocument,
    "mutation RejectVerification($input: RejectVerificationInput!) {\n  rejectVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectVerificationDocument,
    "mutation RemoveWorkspaceMember($input: RemoveWorkspaceMemberInput!) {\n  removeWorkspaceMember(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RemoveWorkspaceMemberDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SignUpDocument,
    "mutation SubmitVerification($input: SubmitVerificationInput!) {\n  submitVerification(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SubmitVerificationDocument,
    "mutation UpdateWorkspaceMemberRole($input: UpdateWorkspaceMemberRoleInput!) {\n  updateWorkspaceMemberRole(input: $input) {\n    workspace {\n      ...WorkspaceFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UpdateWorkspaceMemberRoleDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    displayName\n    createdAt\n    memberships {\n      role\n      workspace {\n        id\n        kind\n        name\n        verification {\n          status\n        }\n      }\n    }\n  }\n}": types.ViewerDocument,
    "fragment WorkspaceFields on Workspace {\n  id\n  kind\n  name\n  createdAt\n  verification {\n    status\n    companyName\n    registrationNumber\n    country\n    submittedAt\n    reviewedAt\n    rejectionReason\n  }\n  members {\n    role\n    joinedAt\n    account {\n      id\n      email\n      displayName\n    }\n  }\n}": types.WorkspaceFieldsFragmentDoc,
    "query Workspace($id: ID!) {\n  workspace(id: $id) {\n    ...WorkspaceFields\n  }\n}": types.WorkspaceDocument,
    "fragment UserErrorFields on UserError {\n  field\n  message\n  code\n}": types.UserErrorFieldsFragmentDoc,
    "mutation AddMiniProgramMember($input: AddMiniProgramMemberInput!) {\n  addMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.AddMiniProgramMemberDocument,
    "mutation ApproveVersion($input: VersionRefInput!) {\n  approveVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ApproveVersionDocument,
    "mutation CreateMiniProgram($input: CreateMiniProgramInput!) {\n  createMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateMiniProgramDocument,
    "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) {\n    upload {\n      uploadId\n      url\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateUploadDocument,
    "fragment MiniProgramFields on MiniProgram {\n  id\n  targetApp\n  name\n  tagline\n  description\n  logoUrl\n  industry\n  contactPhone\n  contactEmail\n  status\n  createdAt\n  merchant {\n    id\n    name\n  }\n}": types.MiniProgramFieldsFragmentDoc,
    "query MiniProgramQrCode($id: ID!, $kind: QrCodeKind!, $page: String) {\n  miniProgram(id: $id) {\n    id\n    qrCode(kind: $kind, page: $page) {\n      kind\n      url\n      svg\n    }\n  }\n}": types.MiniProgramQrCodeDocument,
    "query MiniProgramStatistics($id: ID!, $days: Int!) {\n  miniProgram(id: $id) {\n    id\n    statistics(days: $days) {\n      totalVisits\n      uniqueVisitors\n      days {\n        date\n        visits\n        uniqueVisitors\n      }\n    }\n  }\n}": types.MiniProgramStatisticsDocument,
    "query MiniProgram($id: ID!) {\n  miniProgram(id: $id) {\n    ...MiniProgramFields\n    members {\n      role\n      addedAt\n      account {\n        id\n        email\n      }\n    }\n    currentRelease {\n      ...VersionFields\n    }\n    trialVersion {\n      ...VersionFields\n    }\n    versions(first: 50) {\n      nodes {\n        ...VersionFields\n      }\n    }\n    server: domains(kind: SERVER)\n    h5: domains(kind: H5)\n  }\n}": types.MiniProgramDocument,
    "mutation RecordVisits($input: RecordVisitsInput!) {\n  recordVisits(input: $input) {\n    accepted\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RecordVisitsDocument,
    "mutation RejectVersion($input: RejectVersionInput!) {\n  rejectVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectVersionDocument,
    "mutation ReleaseVersion($input: ReleaseVersionInput!) {\n  releaseVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ReleaseVersionDocument,
    "mutation RemoveMiniProgramMember($input: RemoveMiniProgramMemberInput!) {\n  removeMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RemoveMiniProgramMemberDocument,
    "mutation RemoveMiniProgram($input: MiniProgramRefInput!) {\n  removeMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RemoveMiniProgramDocument,
    "mutation RollbackRelease($input: MiniProgramRefInput!) {\n  rollbackRelease(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RollbackReleaseDocument,
    "mutation SetDomainWhitelist($input: SetDomainWhitelistInput!) {\n  setDomainWhitelist(input: $input) {\n    miniProgram {\n      id\n      server: domains(kind: SERVER)\n      h5: domains(kind: H5)\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SetDomainWhitelistDocument,
    "mutation SetTrialVersion($input: VersionRefInput!) {\n  setTrialVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SetTrialVersionDocument,
    "mutation SubmitVersionForReview($input: VersionRefInput!) {\n  submitVersionForReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SubmitVersionForReviewDocument,
    "mutation TakeVersionOffline($input: VersionRefInput!) {\n  takeVersionOffline(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.TakeVersionOfflineDocument,
    "mutation UpdateMiniProgram($input: UpdateMiniProgramInput!) {\n  updateMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UpdateMiniProgramDocument,
    "mutation UploadVersion($input: UploadVersionInput!) {\n  uploadVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UploadVersionDocument,
    "fragment VersionFields on MiniProgramVersion {\n  id\n  version\n  description\n  status\n  packageSize\n  packageSha256\n  grayPercentage\n  rejectionReason\n  uploadedAt\n  submittedAt\n  reviewedAt\n  releasedAt\n  uploadedBy {\n    id\n    email\n  }\n}": types.VersionFieldsFragmentDoc,
    "query VersionsPendingReview($first: Int, $after: String) {\n  versionsPendingReview(first: $first, after: $after) {\n    nodes {\n      ...VersionFields\n      miniProgram {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.VersionsPendingReviewDocument,
    "mutation WithdrawVersionReview($input: VersionRefInput!) {\n  withdrawVersionReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.WithdrawVersionReviewDocument,
    "query WorkspaceMiniPrograms($workspaceId: ID!, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    miniPrograms(first: $first, after: $after) {\n      nodes {\n        ...MiniProgramFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.WorkspaceMiniProgramsDocument,
    "mutation AcceptOrder($input: OrderRefInput!) {\n  acceptOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.AcceptOrderDocument,
    "mutation ApproveOrderClosure($input: OrderRefInput!) {\n  approveOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ApproveOrderClosureDocument,
    "mutation CancelOrder($input: OrderReasonInput!) {\n  cancelOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CancelOrderDocument,
    "mutation ConfirmOrder($input: OrderRefInput!) {\n  confirmOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ConfirmOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  requirements\n  price {\n    amount\n    currency\n  }\n  createdAt\n  updatedAt\n  service {\n    id\n    name\n  }\n  merchant {\n    id\n    name\n  }\n  isv {\n    id\n    name\n  }\n  miniProgram {\n    id\n    name\n  }\n}": types.OrderFieldsFragmentDoc,
    "subscription OrderPlaced($isvWorkspaceId: ID!) {\n  orderPlaced(isvWorkspaceId: $isvWorkspaceId) {\n    ...OrderFields\n  }\n}": types.OrderPlacedDocument,
    "subscription OrderStatusChanged($workspaceId: ID!, $orderId: ID, $after: String) {\n  orderStatusChanged(workspaceId: $workspaceId, orderId: $orderId, after: $after) {\n    cursor\n    from\n    to\n    reason\n    at\n    actor {\n      id\n      email\n    }\n    order {\n      id\n      number\n      status\n      service {\n        name\n        isv {\n          name\n        }\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        name\n      }\n    }\n  }\n}": types.OrderStatusChangedDocument,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    miniProgram {\n      id\n      name\n      authorizedIsv {\n        id\n        name\n      }\n    }\n    events {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n        email\n      }\n    }\n  }\n}": types.OrderDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.PlaceOrderDocument,
    "mutation RejectOrderClosure($input: OrderReasonInput!) {\n  rejectOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectOrderClosureDocument,
    "mutation RejectOrder($input: OrderReasonInput!) {\n  rejectOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RejectOrderDocument,
    "mutation RequestOrderClosure($input: OrderRefInput!) {\n  requestOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RequestOrderClosureDocument,
    "query WorkspaceOrders($workspaceId: ID!, $status: OrderStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    orders(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...OrderFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.WorkspaceOrdersDocument,
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
    "mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.CreateWebhookEndpointDocument,
    "mutation DeleteWebhookEndpoint($input: WebhookEndpointRefInput!) {\n  deleteWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.DeleteWebhookEndpointDocument,
    "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  workspace {\n    id\n  }\n  url\n  description\n  topics\n  enabled\n  disabledReason\n  disabledAt\n  failingSince\n  previousSecretExpiresAt\n  createdAt\n  updatedAt\n}\n\nfragment WebhookDeliveryFields on WebhookDelivery {\n  id\n  webhookId\n  topic\n  type\n  status\n  createdAt\n  nextAttemptAt\n  payload\n  attempts {\n    at\n    statusCode\n    durationMs\n    error\n    responseBody\n  }\n}": types.WebhookEndpointFieldsFragmentDoc,
    "mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n  redeliverWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RedeliverWebhookDocument,
    "mutation RotateWebhookSecret($input: WebhookEndpointRefInput!) {\n  rotateWebhookSecret(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.RotateWebhookSecretDocument,
    "mutation SendTestWebhook($input: WebhookEndpointRefInput!) {\n  sendTestWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.SendTestWebhookDocument,
    "mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n  updateWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.UpdateWebhookEndpointDocument,
    "query WebhookEndpoint($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n  webhookEndpoint(id: $id) {\n    ...WebhookEndpointFields\n    deliveries(first: $first, after: $after, status: $status) {\n      totalCount\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.WebhookEndpointDocument,
    "query WorkspaceWebhookEndpoints($id: ID!) {\n  workspace(id: $id) {\n    id\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n}": types.WorkspaceWebhookEndpointsDocument,
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
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
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
export function graphql(source: "mutation RefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
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
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    refreshToken\n    account {\n      id\n      email\n      displayName\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
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
export function graphql(source: "mutation AddMiniProgramMember($input: AddMiniProgramMemberInput!) {\n  addMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation AddMiniProgramMember($input: AddMiniProgramMemberInput!) {\n  addMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveVersion($input: VersionRefInput!) {\n  approveVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ApproveVersion($input: VersionRefInput!) {\n  approveVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateMiniProgram($input: CreateMiniProgramInput!) {\n  createMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CreateMiniProgram($input: CreateMiniProgramInput!) {\n  createMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) {\n    upload {\n      uploadId\n      url\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) {\n    upload {\n      uploadId\n      url\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MiniProgramFields on MiniProgram {\n  id\n  targetApp\n  name\n  tagline\n  description\n  logoUrl\n  industry\n  contactPhone\n  contactEmail\n  status\n  createdAt\n  merchant {\n    id\n    name\n  }\n}"): (typeof documents)["fragment MiniProgramFields on MiniProgram {\n  id\n  targetApp\n  name\n  tagline\n  description\n  logoUrl\n  industry\n  contactPhone\n  contactEmail\n  status\n  createdAt\n  merchant {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MiniProgramQrCode($id: ID!, $kind: QrCodeKind!, $page: String) {\n  miniProgram(id: $id) {\n    id\n    qrCode(kind: $kind, page: $page) {\n      kind\n      url\n      svg\n    }\n  }\n}"): (typeof documents)["query MiniProgramQrCode($id: ID!, $kind: QrCodeKind!, $page: String) {\n  miniProgram(id: $id) {\n    id\n    qrCode(kind: $kind, page: $page) {\n      kind\n      url\n      svg\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MiniProgramStatistics($id: ID!, $days: Int!) {\n  miniProgram(id: $id) {\n    id\n    statistics(days: $days) {\n      totalVisits\n      uniqueVisitors\n      days {\n        date\n        visits\n        uniqueVisitors\n      }\n    }\n  }\n}"): (typeof documents)["query MiniProgramStatistics($id: ID!, $days: Int!) {\n  miniProgram(id: $id) {\n    id\n    statistics(days: $days) {\n      totalVisits\n      uniqueVisitors\n      days {\n        date\n        visits\n        uniqueVisitors\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MiniProgram($id: ID!) {\n  miniProgram(id: $id) {\n    ...MiniProgramFields\n    members {\n      role\n      addedAt\n      account {\n        id\n        email\n      }\n    }\n    currentRelease {\n      ...VersionFields\n    }\n    trialVersion {\n      ...VersionFields\n    }\n    versions(first: 50) {\n      nodes {\n        ...VersionFields\n      }\n    }\n    server: domains(kind: SERVER)\n    h5: domains(kind: H5)\n  }\n}"): (typeof documents)["query MiniProgram($id: ID!) {\n  miniProgram(id: $id) {\n    ...MiniProgramFields\n    members {\n      role\n      addedAt\n      account {\n        id\n        email\n      }\n    }\n    currentRelease {\n      ...VersionFields\n    }\n    trialVersion {\n      ...VersionFields\n    }\n    versions(first: 50) {\n      nodes {\n        ...VersionFields\n      }\n    }\n    server: domains(kind: SERVER)\n    h5: domains(kind: H5)\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordVisits($input: RecordVisitsInput!) {\n  recordVisits(input: $input) {\n    accepted\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RecordVisits($input: RecordVisitsInput!) {\n  recordVisits(input: $input) {\n    accepted\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectVersion($input: RejectVersionInput!) {\n  rejectVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RejectVersion($input: RejectVersionInput!) {\n  rejectVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReleaseVersion($input: ReleaseVersionInput!) {\n  releaseVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ReleaseVersion($input: ReleaseVersionInput!) {\n  releaseVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMiniProgramMember($input: RemoveMiniProgramMemberInput!) {\n  removeMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RemoveMiniProgramMember($input: RemoveMiniProgramMemberInput!) {\n  removeMiniProgramMember(input: $input) {\n    miniProgram {\n      id\n      members {\n        role\n        addedAt\n        account {\n          id\n          email\n        }\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMiniProgram($input: MiniProgramRefInput!) {\n  removeMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RemoveMiniProgram($input: MiniProgramRefInput!) {\n  removeMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RollbackRelease($input: MiniProgramRefInput!) {\n  rollbackRelease(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RollbackRelease($input: MiniProgramRefInput!) {\n  rollbackRelease(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetDomainWhitelist($input: SetDomainWhitelistInput!) {\n  setDomainWhitelist(input: $input) {\n    miniProgram {\n      id\n      server: domains(kind: SERVER)\n      h5: domains(kind: H5)\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SetDomainWhitelist($input: SetDomainWhitelistInput!) {\n  setDomainWhitelist(input: $input) {\n    miniProgram {\n      id\n      server: domains(kind: SERVER)\n      h5: domains(kind: H5)\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetTrialVersion($input: VersionRefInput!) {\n  setTrialVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SetTrialVersion($input: VersionRefInput!) {\n  setTrialVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitVersionForReview($input: VersionRefInput!) {\n  submitVersionForReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SubmitVersionForReview($input: VersionRefInput!) {\n  submitVersionForReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TakeVersionOffline($input: VersionRefInput!) {\n  takeVersionOffline(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation TakeVersionOffline($input: VersionRefInput!) {\n  takeVersionOffline(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMiniProgram($input: UpdateMiniProgramInput!) {\n  updateMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation UpdateMiniProgram($input: UpdateMiniProgramInput!) {\n  updateMiniProgram(input: $input) {\n    miniProgram {\n      ...MiniProgramFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UploadVersion($input: UploadVersionInput!) {\n  uploadVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation UploadVersion($input: UploadVersionInput!) {\n  uploadVersion(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment VersionFields on MiniProgramVersion {\n  id\n  version\n  description\n  status\n  packageSize\n  packageSha256\n  grayPercentage\n  rejectionReason\n  uploadedAt\n  submittedAt\n  reviewedAt\n  releasedAt\n  uploadedBy {\n    id\n    email\n  }\n}"): (typeof documents)["fragment VersionFields on MiniProgramVersion {\n  id\n  version\n  description\n  status\n  packageSize\n  packageSha256\n  grayPercentage\n  rejectionReason\n  uploadedAt\n  submittedAt\n  reviewedAt\n  releasedAt\n  uploadedBy {\n    id\n    email\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VersionsPendingReview($first: Int, $after: String) {\n  versionsPendingReview(first: $first, after: $after) {\n    nodes {\n      ...VersionFields\n      miniProgram {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query VersionsPendingReview($first: Int, $after: String) {\n  versionsPendingReview(first: $first, after: $after) {\n    nodes {\n      ...VersionFields\n      miniProgram {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawVersionReview($input: VersionRefInput!) {\n  withdrawVersionReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation WithdrawVersionReview($input: VersionRefInput!) {\n  withdrawVersionReview(input: $input) {\n    version {\n      ...VersionFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkspaceMiniPrograms($workspaceId: ID!, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    miniPrograms(first: $first, after: $after) {\n      nodes {\n        ...MiniProgramFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query WorkspaceMiniPrograms($workspaceId: ID!, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    miniPrograms(first: $first, after: $after) {\n      nodes {\n        ...MiniProgramFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptOrder($input: OrderRefInput!) {\n  acceptOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation AcceptOrder($input: OrderRefInput!) {\n  acceptOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveOrderClosure($input: OrderRefInput!) {\n  approveOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ApproveOrderClosure($input: OrderRefInput!) {\n  approveOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelOrder($input: OrderReasonInput!) {\n  cancelOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CancelOrder($input: OrderReasonInput!) {\n  cancelOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmOrder($input: OrderRefInput!) {\n  confirmOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation ConfirmOrder($input: OrderRefInput!) {\n  confirmOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrderFields on Order {\n  id\n  number\n  status\n  requirements\n  price {\n    amount\n    currency\n  }\n  createdAt\n  updatedAt\n  service {\n    id\n    name\n  }\n  merchant {\n    id\n    name\n  }\n  isv {\n    id\n    name\n  }\n  miniProgram {\n    id\n    name\n  }\n}"): (typeof documents)["fragment OrderFields on Order {\n  id\n  number\n  status\n  requirements\n  price {\n    amount\n    currency\n  }\n  createdAt\n  updatedAt\n  service {\n    id\n    name\n  }\n  merchant {\n    id\n    name\n  }\n  isv {\n    id\n    name\n  }\n  miniProgram {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderPlaced($isvWorkspaceId: ID!) {\n  orderPlaced(isvWorkspaceId: $isvWorkspaceId) {\n    ...OrderFields\n  }\n}"): (typeof documents)["subscription OrderPlaced($isvWorkspaceId: ID!) {\n  orderPlaced(isvWorkspaceId: $isvWorkspaceId) {\n    ...OrderFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderStatusChanged($workspaceId: ID!, $orderId: ID, $after: String) {\n  orderStatusChanged(workspaceId: $workspaceId, orderId: $orderId, after: $after) {\n    cursor\n    from\n    to\n    reason\n    at\n    actor {\n      id\n      email\n    }\n    order {\n      id\n      number\n      status\n      service {\n        name\n        isv {\n          name\n        }\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["subscription OrderStatusChanged($workspaceId: ID!, $orderId: ID, $after: String) {\n  orderStatusChanged(workspaceId: $workspaceId, orderId: $orderId, after: $after) {\n    cursor\n    from\n    to\n    reason\n    at\n    actor {\n      id\n      email\n    }\n    order {\n      id\n      number\n      status\n      service {\n        name\n        isv {\n          name\n        }\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    miniProgram {\n      id\n      name\n      authorizedIsv {\n        id\n        name\n      }\n    }\n    events {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n        email\n      }\n    }\n  }\n}"): (typeof documents)["query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    miniProgram {\n      id\n      name\n      authorizedIsv {\n        id\n        name\n      }\n    }\n    events {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n        email\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectOrderClosure($input: OrderReasonInput!) {\n  rejectOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RejectOrderClosure($input: OrderReasonInput!) {\n  rejectOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectOrder($input: OrderReasonInput!) {\n  rejectOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RejectOrder($input: OrderReasonInput!) {\n  rejectOrder(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestOrderClosure($input: OrderRefInput!) {\n  requestOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RequestOrderClosure($input: OrderRefInput!) {\n  requestOrderClosure(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkspaceOrders($workspaceId: ID!, $status: OrderStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    orders(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...OrderFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query WorkspaceOrders($workspaceId: ID!, $status: OrderStatus, $first: Int, $after: String) {\n  workspace(id: $workspaceId) {\n    id\n    orders(status: $status, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...OrderFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteWebhookEndpoint($input: WebhookEndpointRefInput!) {\n  deleteWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation DeleteWebhookEndpoint($input: WebhookEndpointRefInput!) {\n  deleteWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  workspace {\n    id\n  }\n  url\n  description\n  topics\n  enabled\n  disabledReason\n  disabledAt\n  failingSince\n  previousSecretExpiresAt\n  createdAt\n  updatedAt\n}\n\nfragment WebhookDeliveryFields on WebhookDelivery {\n  id\n  webhookId\n  topic\n  type\n  status\n  createdAt\n  nextAttemptAt\n  payload\n  attempts {\n    at\n    statusCode\n    durationMs\n    error\n    responseBody\n  }\n}"): (typeof documents)["fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  workspace {\n    id\n  }\n  url\n  description\n  topics\n  enabled\n  disabledReason\n  disabledAt\n  failingSince\n  previousSecretExpiresAt\n  createdAt\n  updatedAt\n}\n\nfragment WebhookDeliveryFields on WebhookDelivery {\n  id\n  webhookId\n  topic\n  type\n  status\n  createdAt\n  nextAttemptAt\n  payload\n  attempts {\n    at\n    statusCode\n    durationMs\n    error\n    responseBody\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n  redeliverWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n  redeliverWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RotateWebhookSecret($input: WebhookEndpointRefInput!) {\n  rotateWebhookSecret(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation RotateWebhookSecret($input: WebhookEndpointRefInput!) {\n  rotateWebhookSecret(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    secret\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendTestWebhook($input: WebhookEndpointRefInput!) {\n  sendTestWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation SendTestWebhook($input: WebhookEndpointRefInput!) {\n  sendTestWebhook(input: $input) {\n    delivery {\n      ...WebhookDeliveryFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n  updateWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n  updateWebhookEndpoint(input: $input) {\n    endpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebhookEndpoint($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n  webhookEndpoint(id: $id) {\n    ...WebhookEndpointFields\n    deliveries(first: $first, after: $after, status: $status) {\n      totalCount\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query WebhookEndpoint($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n  webhookEndpoint(id: $id) {\n    ...WebhookEndpointFields\n    deliveries(first: $first, after: $after, status: $status) {\n      totalCount\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkspaceWebhookEndpoints($id: ID!) {\n  workspace(id: $id) {\n    id\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n}"): (typeof documents)["query WorkspaceWebhookEndpoints($id: ID!) {\n  workspace(id: $id) {\n    id\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;