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
    "\n  mutation MembersLeaveOrRemove($input: RemoveWorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) {\n      workspace {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.MembersLeaveOrRemoveDocument,
    "\n  query MembersTeamMemberships($id: ID!) {\n    workspace(id: $id) {\n      members {\n        account {\n          id\n          memberships {\n            role\n            workspace {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersTeamMembershipsDocument,
    "\n  query MarketIsvNames($filter: ServiceMarketFilter, $first: Int) {\n    serviceMarket(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        isv {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MarketIsvNamesDocument,
    "\n  query PermissionsIsvServicesThroughService($serviceId: ID!, $status: ServiceStatus) {\n    service(id: $serviceId) {\n      isv {\n        id\n        services(status: $status, first: 100) {\n          totalCount\n          nodes {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.PermissionsIsvServicesThroughServiceDocument,
    "\n  query BatchingMarketPageWithIsvNames {\n    serviceMarket(first: 50) {\n      nodes {\n        name\n        isv {\n          name\n        }\n      }\n    }\n  }\n": typeof types.BatchingMarketPageWithIsvNamesDocument,
    "\n  query BatchingServicesOfMyWorkspaces {\n    viewer {\n      memberships {\n        workspace {\n          services(first: 10) {\n            totalCount\n            nodes {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchingServicesOfMyWorkspacesDocument,
    "\n  query OrderMiniProgramVersions($id: ID!) {\n    order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n        versions(first: 5) {\n          nodes {\n            version\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrderMiniProgramVersionsDocument,
    "\n  query MerchantMiniProgramsWithVersionsAndMembers($id: ID!) {\n    workspace(id: $id) {\n      miniPrograms(first: 10) {\n        nodes {\n          name\n          versions(first: 5) {\n            nodes {\n              version\n            }\n          }\n          members {\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantMiniProgramsWithVersionsAndMembersDocument,
    "\n  mutation DependenciesDownPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        price {\n          amount\n          currency\n        }\n        service {\n          id\n        }\n        miniProgram {\n          id\n        }\n        merchant {\n          id\n          name\n        }\n        isv {\n          id\n          name\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.DependenciesDownPlaceOrderDocument,
    "\n  mutation DependenciesDownAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.DependenciesDownAcceptOrderDocument,
    "\n  mutation DependenciesDownConfirmOrder($input: OrderRefInput!) {\n    confirmOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.DependenciesDownConfirmOrderDocument,
    "\n  query DependenciesDownOrderWithServiceName($id: ID!) {\n    withoutService: order(id: $id) {\n      id\n      number\n      status\n      price {\n        amount\n        currency\n      }\n      service {\n        id\n      }\n      merchant {\n        name\n      }\n      isv {\n        name\n      }\n      miniProgram {\n        id\n        name\n        authorizedIsv {\n          id\n        }\n      }\n      events {\n        to\n      }\n    }\n    withService: order(id: $id) {\n      id\n      service {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DependenciesDownOrderWithServiceNameDocument,
    "\n  query DependenciesDownOrderWithMiniProgramName($id: ID!) {\n    withoutMiniProgram: order(id: $id) {\n      id\n      status\n      service {\n        id\n        name\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        id\n        authorizedIsv {\n          id\n          name\n        }\n      }\n    }\n    withMiniProgram: order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DependenciesDownOrderWithMiniProgramNameDocument,
    "\n  query DependenciesDownWorkspaceOrders($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 10) {\n        nodes {\n          id\n          service {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DependenciesDownWorkspaceOrdersDocument,
    "\n  query BatchingOrdersPage($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        totalCount\n        nodes {\n          id\n          service {\n            name\n          }\n          merchant {\n            name\n          }\n          miniProgram {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchingOrdersPageDocument,
    "\n  query BatchingOrdersPageWithTimelines($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        nodes {\n          id\n          status\n          isv {\n            name\n          }\n          events {\n            to\n            actor {\n              email\n            }\n          }\n          miniProgram {\n            authorizedIsv {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchingOrdersPageWithTimelinesDocument,
    "\n  query VisibilityPartiesOrders($id: ID!) {\n    order(id: $id) {\n      merchant {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n      isv {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.VisibilityPartiesOrdersDocument,
    "\n  query VisibilityOrderEvent($cursor: String!) {\n    orderEvent(cursor: $cursor) {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n      }\n      order {\n        id\n        status\n      }\n    }\n  }\n": typeof types.VisibilityOrderEventDocument,
    "\n  query VisibilityWorkspaceOrderEdges($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 3) {\n        edges {\n          cursor\n        }\n      }\n    }\n  }\n": typeof types.VisibilityWorkspaceOrderEdgesDocument,
    "\n  query BatchingMemberEmails($id: ID!) {\n    workspace(id: $id) {\n      members {\n        role\n        account {\n          email\n        }\n      }\n    }\n  }\n": typeof types.BatchingMemberEmailsDocument,
    "\n  query BatchingReviewQueue($first: Int!) {\n    pendingVerifications(first: $first) {\n      nodes {\n        name\n        verification {\n          status\n          companyName\n        }\n        members {\n          role\n          account {\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchingReviewQueueDocument,
    "\n  query BatchingOwnWorkspaces {\n    viewer {\n      memberships {\n        role\n        workspace {\n          name\n          verification {\n            status\n          }\n          members {\n            account {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchingOwnWorkspacesDocument,
    "\n  query SubscriptionTestOrderCursor($id: ID!) {\n    order(id: $id) {\n      events {\n        cursor\n      }\n    }\n  }\n": typeof types.SubscriptionTestOrderCursorDocument,
    "\n  query SocketReleaseQrCode($id: ID!) {\n    miniProgram(id: $id) {\n      qrCode(kind: RELEASE, page: \"pages/index\") {\n        url\n      }\n    }\n  }\n": typeof types.SocketReleaseQrCodeDocument,
    "\n  mutation SocketAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.SocketAcceptOrderDocument,
    "\n  subscription SocketOrdersOnlyEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SocketOrdersOnlyEventsDocument,
    "\n  subscription SocketMiniProgramNameEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        miniProgram {\n          name\n        }\n      }\n    }\n  }\n": typeof types.SocketMiniProgramNameEventsDocument,
};
const documents: Documents = {
    "\n  mutation MembersLeaveOrRemove($input: RemoveWorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) {\n      workspace {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.MembersLeaveOrRemoveDocument,
    "\n  query MembersTeamMemberships($id: ID!) {\n    workspace(id: $id) {\n      members {\n        account {\n          id\n          memberships {\n            role\n            workspace {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MembersTeamMembershipsDocument,
    "\n  query MarketIsvNames($filter: ServiceMarketFilter, $first: Int) {\n    serviceMarket(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        isv {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MarketIsvNamesDocument,
    "\n  query PermissionsIsvServicesThroughService($serviceId: ID!, $status: ServiceStatus) {\n    service(id: $serviceId) {\n      isv {\n        id\n        services(status: $status, first: 100) {\n          totalCount\n          nodes {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": types.PermissionsIsvServicesThroughServiceDocument,
    "\n  query BatchingMarketPageWithIsvNames {\n    serviceMarket(first: 50) {\n      nodes {\n        name\n        isv {\n          name\n        }\n      }\n    }\n  }\n": types.BatchingMarketPageWithIsvNamesDocument,
    "\n  query BatchingServicesOfMyWorkspaces {\n    viewer {\n      memberships {\n        workspace {\n          services(first: 10) {\n            totalCount\n            nodes {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BatchingServicesOfMyWorkspacesDocument,
    "\n  query OrderMiniProgramVersions($id: ID!) {\n    order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n        versions(first: 5) {\n          nodes {\n            version\n          }\n        }\n      }\n    }\n  }\n": types.OrderMiniProgramVersionsDocument,
    "\n  query MerchantMiniProgramsWithVersionsAndMembers($id: ID!) {\n    workspace(id: $id) {\n      miniPrograms(first: 10) {\n        nodes {\n          name\n          versions(first: 5) {\n            nodes {\n              version\n            }\n          }\n          members {\n            role\n          }\n        }\n      }\n    }\n  }\n": types.MerchantMiniProgramsWithVersionsAndMembersDocument,
    "\n  mutation DependenciesDownPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        price {\n          amount\n          currency\n        }\n        service {\n          id\n        }\n        miniProgram {\n          id\n        }\n        merchant {\n          id\n          name\n        }\n        isv {\n          id\n          name\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.DependenciesDownPlaceOrderDocument,
    "\n  mutation DependenciesDownAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.DependenciesDownAcceptOrderDocument,
    "\n  mutation DependenciesDownConfirmOrder($input: OrderRefInput!) {\n    confirmOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.DependenciesDownConfirmOrderDocument,
    "\n  query DependenciesDownOrderWithServiceName($id: ID!) {\n    withoutService: order(id: $id) {\n      id\n      number\n      status\n      price {\n        amount\n        currency\n      }\n      service {\n        id\n      }\n      merchant {\n        name\n      }\n      isv {\n        name\n      }\n      miniProgram {\n        id\n        name\n        authorizedIsv {\n          id\n        }\n      }\n      events {\n        to\n      }\n    }\n    withService: order(id: $id) {\n      id\n      service {\n        id\n        name\n      }\n    }\n  }\n": types.DependenciesDownOrderWithServiceNameDocument,
    "\n  query DependenciesDownOrderWithMiniProgramName($id: ID!) {\n    withoutMiniProgram: order(id: $id) {\n      id\n      status\n      service {\n        id\n        name\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        id\n        authorizedIsv {\n          id\n          name\n        }\n      }\n    }\n    withMiniProgram: order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n      }\n    }\n  }\n": types.DependenciesDownOrderWithMiniProgramNameDocument,
    "\n  query DependenciesDownWorkspaceOrders($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 10) {\n        nodes {\n          id\n          service {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DependenciesDownWorkspaceOrdersDocument,
    "\n  query BatchingOrdersPage($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        totalCount\n        nodes {\n          id\n          service {\n            name\n          }\n          merchant {\n            name\n          }\n          miniProgram {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.BatchingOrdersPageDocument,
    "\n  query BatchingOrdersPageWithTimelines($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        nodes {\n          id\n          status\n          isv {\n            name\n          }\n          events {\n            to\n            actor {\n              email\n            }\n          }\n          miniProgram {\n            authorizedIsv {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BatchingOrdersPageWithTimelinesDocument,
    "\n  query VisibilityPartiesOrders($id: ID!) {\n    order(id: $id) {\n      merchant {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n      isv {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.VisibilityPartiesOrdersDocument,
    "\n  query VisibilityOrderEvent($cursor: String!) {\n    orderEvent(cursor: $cursor) {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n      }\n      order {\n        id\n        status\n      }\n    }\n  }\n": types.VisibilityOrderEventDocument,
    "\n  query VisibilityWorkspaceOrderEdges($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 3) {\n        edges {\n          cursor\n        }\n      }\n    }\n  }\n": types.VisibilityWorkspaceOrderEdgesDocument,
    "\n  query BatchingMemberEmails($id: ID!) {\n    workspace(id: $id) {\n      members {\n        role\n        account {\n          email\n        }\n      }\n    }\n  }\n": types.BatchingMemberEmailsDocument,
    "\n  query BatchingReviewQueue($first: Int!) {\n    pendingVerifications(first: $first) {\n      nodes {\n        name\n        verification {\n          status\n          companyName\n        }\n        members {\n          role\n          account {\n            email\n          }\n        }\n      }\n    }\n  }\n": types.BatchingReviewQueueDocument,
    "\n  query BatchingOwnWorkspaces {\n    viewer {\n      memberships {\n        role\n        workspace {\n          name\n          verification {\n            status\n          }\n          members {\n            account {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BatchingOwnWorkspacesDocument,
    "\n  query SubscriptionTestOrderCursor($id: ID!) {\n    order(id: $id) {\n      events {\n        cursor\n      }\n    }\n  }\n": types.SubscriptionTestOrderCursorDocument,
    "\n  query SocketReleaseQrCode($id: ID!) {\n    miniProgram(id: $id) {\n      qrCode(kind: RELEASE, page: \"pages/index\") {\n        url\n      }\n    }\n  }\n": types.SocketReleaseQrCodeDocument,
    "\n  mutation SocketAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.SocketAcceptOrderDocument,
    "\n  subscription SocketOrdersOnlyEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        status\n      }\n    }\n  }\n": types.SocketOrdersOnlyEventsDocument,
    "\n  subscription SocketMiniProgramNameEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        miniProgram {\n          name\n        }\n      }\n    }\n  }\n": types.SocketMiniProgramNameEventsDocument,
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
export function graphql(source: "\n  mutation MembersLeaveOrRemove($input: RemoveWorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) {\n      workspace {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembersLeaveOrRemove($input: RemoveWorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) {\n      workspace {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersTeamMemberships($id: ID!) {\n    workspace(id: $id) {\n      members {\n        account {\n          id\n          memberships {\n            role\n            workspace {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersTeamMemberships($id: ID!) {\n    workspace(id: $id) {\n      members {\n        account {\n          id\n          memberships {\n            role\n            workspace {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketIsvNames($filter: ServiceMarketFilter, $first: Int) {\n    serviceMarket(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        isv {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MarketIsvNames($filter: ServiceMarketFilter, $first: Int) {\n    serviceMarket(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        isv {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PermissionsIsvServicesThroughService($serviceId: ID!, $status: ServiceStatus) {\n    service(id: $serviceId) {\n      isv {\n        id\n        services(status: $status, first: 100) {\n          totalCount\n          nodes {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PermissionsIsvServicesThroughService($serviceId: ID!, $status: ServiceStatus) {\n    service(id: $serviceId) {\n      isv {\n        id\n        services(status: $status, first: 100) {\n          totalCount\n          nodes {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingMarketPageWithIsvNames {\n    serviceMarket(first: 50) {\n      nodes {\n        name\n        isv {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingMarketPageWithIsvNames {\n    serviceMarket(first: 50) {\n      nodes {\n        name\n        isv {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingServicesOfMyWorkspaces {\n    viewer {\n      memberships {\n        workspace {\n          services(first: 10) {\n            totalCount\n            nodes {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingServicesOfMyWorkspaces {\n    viewer {\n      memberships {\n        workspace {\n          services(first: 10) {\n            totalCount\n            nodes {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderMiniProgramVersions($id: ID!) {\n    order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n        versions(first: 5) {\n          nodes {\n            version\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderMiniProgramVersions($id: ID!) {\n    order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n        versions(first: 5) {\n          nodes {\n            version\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantMiniProgramsWithVersionsAndMembers($id: ID!) {\n    workspace(id: $id) {\n      miniPrograms(first: 10) {\n        nodes {\n          name\n          versions(first: 5) {\n            nodes {\n              version\n            }\n          }\n          members {\n            role\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MerchantMiniProgramsWithVersionsAndMembers($id: ID!) {\n    workspace(id: $id) {\n      miniPrograms(first: 10) {\n        nodes {\n          name\n          versions(first: 5) {\n            nodes {\n              version\n            }\n          }\n          members {\n            role\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DependenciesDownPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        price {\n          amount\n          currency\n        }\n        service {\n          id\n        }\n        miniProgram {\n          id\n        }\n        merchant {\n          id\n          name\n        }\n        isv {\n          id\n          name\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DependenciesDownPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        price {\n          amount\n          currency\n        }\n        service {\n          id\n        }\n        miniProgram {\n          id\n        }\n        merchant {\n          id\n          name\n        }\n        isv {\n          id\n          name\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DependenciesDownAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DependenciesDownAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DependenciesDownConfirmOrder($input: OrderRefInput!) {\n    confirmOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DependenciesDownConfirmOrder($input: OrderRefInput!) {\n    confirmOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DependenciesDownOrderWithServiceName($id: ID!) {\n    withoutService: order(id: $id) {\n      id\n      number\n      status\n      price {\n        amount\n        currency\n      }\n      service {\n        id\n      }\n      merchant {\n        name\n      }\n      isv {\n        name\n      }\n      miniProgram {\n        id\n        name\n        authorizedIsv {\n          id\n        }\n      }\n      events {\n        to\n      }\n    }\n    withService: order(id: $id) {\n      id\n      service {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DependenciesDownOrderWithServiceName($id: ID!) {\n    withoutService: order(id: $id) {\n      id\n      number\n      status\n      price {\n        amount\n        currency\n      }\n      service {\n        id\n      }\n      merchant {\n        name\n      }\n      isv {\n        name\n      }\n      miniProgram {\n        id\n        name\n        authorizedIsv {\n          id\n        }\n      }\n      events {\n        to\n      }\n    }\n    withService: order(id: $id) {\n      id\n      service {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DependenciesDownOrderWithMiniProgramName($id: ID!) {\n    withoutMiniProgram: order(id: $id) {\n      id\n      status\n      service {\n        id\n        name\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        id\n        authorizedIsv {\n          id\n          name\n        }\n      }\n    }\n    withMiniProgram: order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DependenciesDownOrderWithMiniProgramName($id: ID!) {\n    withoutMiniProgram: order(id: $id) {\n      id\n      status\n      service {\n        id\n        name\n      }\n      merchant {\n        name\n      }\n      miniProgram {\n        id\n        authorizedIsv {\n          id\n          name\n        }\n      }\n    }\n    withMiniProgram: order(id: $id) {\n      id\n      miniProgram {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DependenciesDownWorkspaceOrders($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 10) {\n        nodes {\n          id\n          service {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DependenciesDownWorkspaceOrders($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 10) {\n        nodes {\n          id\n          service {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingOrdersPage($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        totalCount\n        nodes {\n          id\n          service {\n            name\n          }\n          merchant {\n            name\n          }\n          miniProgram {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingOrdersPage($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        totalCount\n        nodes {\n          id\n          service {\n            name\n          }\n          merchant {\n            name\n          }\n          miniProgram {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingOrdersPageWithTimelines($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        nodes {\n          id\n          status\n          isv {\n            name\n          }\n          events {\n            to\n            actor {\n              email\n            }\n          }\n          miniProgram {\n            authorizedIsv {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingOrdersPageWithTimelines($id: ID!) {\n    workspace(id: $id) {\n      orders(first: 50) {\n        nodes {\n          id\n          status\n          isv {\n            name\n          }\n          events {\n            to\n            actor {\n              email\n            }\n          }\n          miniProgram {\n            authorizedIsv {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityPartiesOrders($id: ID!) {\n    order(id: $id) {\n      merchant {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n      isv {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VisibilityPartiesOrders($id: ID!) {\n    order(id: $id) {\n      merchant {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n      isv {\n        id\n        orders(first: 50) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityOrderEvent($cursor: String!) {\n    orderEvent(cursor: $cursor) {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n      }\n      order {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query VisibilityOrderEvent($cursor: String!) {\n    orderEvent(cursor: $cursor) {\n      cursor\n      from\n      to\n      reason\n      at\n      actor {\n        id\n      }\n      order {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityWorkspaceOrderEdges($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 3) {\n        edges {\n          cursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VisibilityWorkspaceOrderEdges($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      orders(first: 3) {\n        edges {\n          cursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingMemberEmails($id: ID!) {\n    workspace(id: $id) {\n      members {\n        role\n        account {\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingMemberEmails($id: ID!) {\n    workspace(id: $id) {\n      members {\n        role\n        account {\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingReviewQueue($first: Int!) {\n    pendingVerifications(first: $first) {\n      nodes {\n        name\n        verification {\n          status\n          companyName\n        }\n        members {\n          role\n          account {\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingReviewQueue($first: Int!) {\n    pendingVerifications(first: $first) {\n      nodes {\n        name\n        verification {\n          status\n          companyName\n        }\n        members {\n          role\n          account {\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingOwnWorkspaces {\n    viewer {\n      memberships {\n        role\n        workspace {\n          name\n          verification {\n            status\n          }\n          members {\n            account {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchingOwnWorkspaces {\n    viewer {\n      memberships {\n        role\n        workspace {\n          name\n          verification {\n            status\n          }\n          members {\n            account {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionTestOrderCursor($id: ID!) {\n    order(id: $id) {\n      events {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubscriptionTestOrderCursor($id: ID!) {\n    order(id: $id) {\n      events {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SocketReleaseQrCode($id: ID!) {\n    miniProgram(id: $id) {\n      qrCode(kind: RELEASE, page: \"pages/index\") {\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  query SocketReleaseQrCode($id: ID!) {\n    miniProgram(id: $id) {\n      qrCode(kind: RELEASE, page: \"pages/index\") {\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocketAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SocketAcceptOrder($input: OrderRefInput!) {\n    acceptOrder(input: $input) {\n      order {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SocketOrdersOnlyEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SocketOrdersOnlyEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SocketMiniProgramNameEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        miniProgram {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SocketMiniProgramNameEvents($workspaceId: ID!) {\n    orderStatusChanged(workspaceId: $workspaceId) {\n      cursor\n      to\n      order {\n        id\n        miniProgram {\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;