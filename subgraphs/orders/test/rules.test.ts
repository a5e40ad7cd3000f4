import { describe, expect, it } from 'vitest';
import { eventCursor, positionOf } from '../src/order-event/order-event.loader.js';
import { STEPS } from '../src/order/order.service.js';

describe('order event cursors', () => {
  it('are opaque and give back their position', () => {
    const cursor = eventCursor(42);
    expect(cursor).not.toContain('42');
    expect(positionOf(cursor)).toBe(42);
  });

  it('name nothing when they are not ours', () => {
    for (const bad of ['', 'nonsense', eventCursor(-1), Buffer.from('["v1","other",1]').toString('base64url')]) expect(positionOf(bad)).toBeNull();
  });
});

describe('the order state machine (DESIGN.md)', () => {
  it('gives each step its party, its states and whether it needs a reason', () => {
    expect(
      Object.fromEntries(Object.entries(STEPS).map(([name, step]) => [name, `${step.party}: ${step.from.join('|')} → ${step.to}${'needsReason' in step ? ' (reason)' : ''}`])),
    ).toEqual({
      accept: 'isv: NEW → PENDING_CONFIRMATION',
      reject: 'isv: NEW → REJECTED (reason)',
      confirm: 'merchant: PENDING_CONFIRMATION → IN_DEVELOPMENT',
      cancelByMerchant: 'merchant: NEW|PENDING_CONFIRMATION → CANCELLED (reason)',
      abandonByIsv: 'isv: IN_DEVELOPMENT → CANCELLED (reason)',
      requestClosure: 'isv: IN_DEVELOPMENT → CLOSURE_REQUESTED',
      approveClosure: 'merchant: CLOSURE_REQUESTED → CLOSED',
      rejectClosure: 'merchant: CLOSURE_REQUESTED → IN_DEVELOPMENT (reason)',
    });
  });
});
