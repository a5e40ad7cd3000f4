import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, png, sha256, subscribe, TestPlatform, type Subscriber } from '@mpp/testkit';
import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repositoryRoot } from '../support/processes.js';

// Runs the README's walkthrough exactly as written: each GraphQL snippet with its variables (the
// placeholders filled from earlier answers), as the account its first line names; the curl
// uploads are the same PUTs made with fetch.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

type Json = Record<string, unknown>;
type Block = { language: 'graphql' | 'json' | 'sh'; text: string };

function walkthroughBlocks(): Block[] {
  const readme = readFileSync(`${repositoryRoot}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Walkthrough'));
  return [...section.matchAll(/```(graphql|json|sh)\n([\s\S]*?)```/g)].map((m) => ({ language: m[1] as Block['language'], text: m[2]! }));
}

/** What each step's answer provides to later steps' placeholders: placeholder → path in the data. */
const PROVIDES: Record<string, Record<string, string>> = {
  SignUpIsvOwner: { ISV_TOKEN: 'signUp.token', ISV_REFRESH_TOKEN: 'signUp.refreshToken' },
  SignUpMerchantOwner: { MERCHANT_TOKEN: 'signUp.token' },
  CreateIsvWorkspace: { ISV_WORKSPACE_ID: 'createWorkspace.workspace.id' },
  CreateMerchantWorkspace: { MERCHANT_WORKSPACE_ID: 'createWorkspace.workspace.id' },
  SignInAdmin: { ADMIN_TOKEN: 'signIn.token' },
  CreateStudioService: { SERVICE_ID: 'createService.service.id' },
  DeclareLogo: { LOGO_UPLOAD_ID: 'createUpload.upload.uploadId', LOGO_UPLOAD_URL: 'createUpload.upload.url' },
  CreateCoffeeMiniProgram: { MINI_PROGRAM_ID: 'createMiniProgram.miniProgram.id' },
  PlaceCoffeeOrder: { ORDER_ID: 'placeOrder.order.id' },
  DeclarePackage: { PACKAGE_UPLOAD_ID: 'createUpload.upload.uploadId', PACKAGE_UPLOAD_URL: 'createUpload.upload.url' },
  UploadFirstVersion: { VERSION_ID: 'uploadVersion.version.id' },
  RenewIsvSession: { ISV_TOKEN: 'refreshSession.token' },
};

const at = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], data);

/** Every `userErrors` list anywhere in an answer. */
function userErrorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'userErrors' ? (item as unknown[]) : userErrorsIn(item)));
}

it('takes two companies from sign-up to a released mini program and a closed order, as the README shows', async () => {
  const logo = png(64, 64);
  const pkg = randomBytes(4096);
  const context: Record<string, unknown> = {
    PLATFORM_ADMIN_EMAIL: ADMIN_EMAIL,
    PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOGO_SIZE: logo.length,
    LOGO_SHA256: sha256(logo),
    PACKAGE_SIZE: pkg.length,
    PACKAGE_SHA256: sha256(pkg),
  };
  const fill = (text: string) =>
    text.replace(/"<([A-Z_0-9]+)>"|<([A-Z_0-9]+)>/g, (_match, quoted: string | undefined, bare: string | undefined) => {
      const key = (quoted ?? bare)!;
      if (!(key in context)) throw new Error(`the walkthrough uses ${key} before a step provides it`);
      return quoted ? JSON.stringify(context[key]) : String(context[key]);
    });

  const blocks = walkthroughBlocks();
  const ran: string[] = [];
  let subscription: Subscriber<Json> | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.language === 'sh') {
      // curl -X PUT -H 'Content-Type: …' --data-binary @file '<URL>'
      const url = fill(/'(<[A-Z_]+>)'/.exec(block.text)![1]!);
      const contentType = /Content-Type: ([^']+)'/.exec(block.text)![1]!;
      const body = block.text.includes('@logo.png') ? logo : pkg;
      const put = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: new Uint8Array(body) });
      expect(put.status, block.text).toBe(200);
      continue;
    }
    if (block.language !== 'graphql') continue;
    const next = blocks[i + 1];
    const variables = next?.language === 'json' ? (JSON.parse(fill(next.text)) as Json) : {};
    const actor = /^# as: ([A-Z_]+|anyone)/.exec(block.text)![1]!;
    const token = actor === 'anyone' ? null : (context[actor] as string);
    const document = parse(block.text) as TypedDocumentNode<Json, Json>;
    const operation = getOperationAST(document)!;
    const name = operation.name!.value;
    ran.push(name);
    if (operation.operation === 'subscription') {
      subscription = await subscribe(platform, platform.client(token), document, variables);
      continue;
    }
    const result = await platform.client(token).request(document, variables);
    expect(result.errors, name).toBeUndefined();
    expect(userErrorsIn(result.data), name).toEqual([]);
    for (const [placeholder, path] of Object.entries(PROVIDES[name] ?? {})) context[placeholder] = at(result.data, path);
    if (name === 'ApproveCoffeeClosure') {
      expect(result.data).toMatchObject({
        approveOrderClosure: { order: { status: 'CLOSED', miniProgram: { authorizedIsv: null, currentRelease: { version: '1.0.0' } } } },
      });
    }
  }
  expect(ran).toContain('ApproveCoffeeClosure');
  expect(ran.slice(-2)).toEqual(['RenewIsvSession', 'SignOutIsv']);
  const live = await subscription!.take(2);
  expect(live.map((r) => (r.data as { orderStatusChanged: { to: string } }).orderStatusChanged.to)).toEqual(['CLOSURE_REQUESTED', 'CLOSED']);
  await subscription!.close();
});
