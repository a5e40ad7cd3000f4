import {
  ApproveServiceDocument,
  ArchiveServiceDocument,
  CreateServiceDocument,
  GraphQLRequestError,
  RejectServiceDocument,
  ServiceDocument,
  SubmitServiceForReviewDocument,
  UpdateServiceDocument,
  WithdrawServiceDocument,
  WorkspaceServicesDocument,
  type CreateServiceInput,
  type ServiceFieldsFragment,
  type UpdateServiceInput,
  type UserErrorFieldsFragment,
} from '@mpp/client';
import type { Actor } from '@mpp/testkit';
import { expect } from 'vitest';

/** What every ServiceMarket mutation answers. */
export interface ServicePayload {
  service: ServiceFieldsFragment | null;
  userErrors: UserErrorFieldsFragment[];
}

/** The steps of a service's life, each sent by `actor` and answering the mutation's payload. */
export const steps = {
  async create(actor: Actor, input: CreateServiceInput): Promise<ServicePayload> {
    return (await actor.client.execute(CreateServiceDocument, { input })).createService;
  },
  async update(actor: Actor, serviceId: string, changes: Omit<UpdateServiceInput, 'serviceId'> = {}): Promise<ServicePayload> {
    return (await actor.client.execute(UpdateServiceDocument, { input: { serviceId, ...changes } })).updateService;
  },
  async submit(actor: Actor, serviceId: string): Promise<ServicePayload> {
    return (await actor.client.execute(SubmitServiceForReviewDocument, { input: { serviceId } })).submitServiceForReview;
  },
  async withdraw(actor: Actor, serviceId: string): Promise<ServicePayload> {
    return (await actor.client.execute(WithdrawServiceDocument, { input: { serviceId } })).withdrawService;
  },
  async approve(actor: Actor, serviceId: string): Promise<ServicePayload> {
    return (await actor.client.execute(ApproveServiceDocument, { input: { serviceId } })).approveService;
  },
  async reject(actor: Actor, serviceId: string, reason = 'The images do not show the product.'): Promise<ServicePayload> {
    return (await actor.client.execute(RejectServiceDocument, { input: { serviceId, reason } })).rejectService;
  },
  async archive(actor: Actor, serviceId: string): Promise<ServicePayload> {
    return (await actor.client.execute(ArchiveServiceDocument, { input: { serviceId } })).archiveService;
  },
};

/** A successful step: no user errors, and the service it answers. */
export function succeeded(payload: ServicePayload): ServiceFieldsFragment {
  expect(payload.userErrors).toEqual([]);
  expect(payload.service).not.toBeNull();
  return payload.service!;
}

/** A refused step: exactly one user error with `code` (on `field` when given), and no service. */
export function refused(payload: ServicePayload, code: UserErrorFieldsFragment['code'], field?: string[]): UserErrorFieldsFragment {
  expect(payload.service).toBeNull();
  expect(payload.userErrors).toHaveLength(1);
  expect(payload.userErrors[0]).toMatchObject({ code, ...(field ? { field } : {}) });
  return payload.userErrors[0]!;
}

/** The GraphQL error code a request failed with (it must fail). */
export async function errorCodeOf(request: Promise<unknown>): Promise<string | undefined> {
  const error = await request.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the request should have failed with a GraphQL error').toBeInstanceOf(GraphQLRequestError);
  return (error as GraphQLRequestError).code;
}

/** The service as `actor` sees it through `service(id)`, or null. */
export async function serviceAs(actor: Actor, id: string): Promise<ServiceFieldsFragment | null> {
  return (await actor.client.execute(ServiceDocument, { id })).service;
}

/** The status of a service as its ISV sees it (the ISV's `owner`). */
export async function statusOf(owner: Actor, id: string): Promise<string | undefined> {
  return (await serviceAs(owner, id))?.status;
}

/** How many services an ISV has, in any status, as its owner counts them. */
export async function serviceCount(owner: Actor, isvWorkspaceId: string): Promise<number> {
  const { workspace } = await owner.client.execute(WorkspaceServicesDocument, { workspaceId: isvWorkspaceId, first: 1 });
  if (!workspace) throw new Error('the owner cannot see its workspace');
  return workspace.services.totalCount;
}
