import { randomBytes } from 'node:crypto';
import {
  ApproveServiceDocument,
  CreateServiceDocument,
  SubmitServiceForReviewDocument,
  type CreateServiceInput,
  type ServiceFieldsFragment,
} from '@mpp/client';
import type { TestPlatform } from './platform.js';
import { signInAdmin, unwrap, type SeededWorkspace } from './seed.js';

/** A complete, valid `createService` input for the ISV; override any field. */
export function serviceInput(isvWorkspaceId: string, overrides: Partial<CreateServiceInput> = {}): CreateServiceInput {
  return {
    isvWorkspaceId,
    name: `Mini program studio ${randomBytes(3).toString('hex')}`,
    industry: 'Retail',
    type: 'MINI_PROGRAM_DEVELOPMENT',
    description: 'We design, build and release your mini program end to end.',
    images: ['https://cdn.example.com/services/cover.png'],
    applicableApps: ['Alipay+'],
    price: { amount: 1_500_00, currency: 'USD' },
    companyInfo: { name: 'Studio Ltd', contactEmail: 'sales@studio.example.com', contactPhone: '+65 6123 4567', website: 'https://studio.example.com' },
    ...overrides,
  };
}

/** A DRAFT service of the ISV, created by its owner. */
export async function createService(isv: SeededWorkspace, overrides: Partial<CreateServiceInput> = {}): Promise<ServiceFieldsFragment> {
  const { createService } = await isv.owner.client.execute(CreateServiceDocument, { input: serviceInput(isv.id, overrides) });
  return unwrap(createService, createService.service, 'createService');
}

/** A service of the (verified) ISV that the platform admin approved: ONLINE in the market. */
export async function createOnlineService(
  platform: TestPlatform,
  isv: SeededWorkspace,
  overrides: Partial<CreateServiceInput> = {},
): Promise<ServiceFieldsFragment> {
  const draft = await createService(isv, overrides);
  const { submitServiceForReview } = await isv.owner.client.execute(SubmitServiceForReviewDocument, { input: { serviceId: draft.id } });
  unwrap(submitServiceForReview, submitServiceForReview.service, 'submitServiceForReview');
  const admin = await signInAdmin(platform);
  const { approveService } = await admin.client.execute(ApproveServiceDocument, { input: { serviceId: draft.id } });
  return unwrap(approveService, approveService.service, 'approveService');
}
