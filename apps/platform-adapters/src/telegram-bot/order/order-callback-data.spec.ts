import { OrderStep, orderData, parseOrderData } from './order-callback-data';

describe('order button data', () => {
  const steps: OrderStep[] = [
    { kind: 'item', sku: 'a'.repeat(32) },
    { kind: 'quantity', qty: 5 },
    { kind: 'back' },
    { kind: 'checkout' },
    { kind: 'confirm' },
    { kind: 'cancel' },
  ];

  it.each(steps)('reads back what it wrote for %j, within 64 bytes', (step) => {
    const data = orderData('AbCd_-12', step);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parseOrderData(data)).toEqual({ draftId: 'AbCd_-12', step });
  });

  it.each([
    '',
    'o:',
    'o:abc',
    'o:abc:zz',
    'o:abc:i',
    'o:abc:q:0',
    'o:abc:q:x',
    'm:order',
    'o:a b:c',
    `o:abc:i:${'a'.repeat(33)}`,
  ])('refuses %j', (data) => {
    expect(parseOrderData(data)).toBeNull();
  });
});
