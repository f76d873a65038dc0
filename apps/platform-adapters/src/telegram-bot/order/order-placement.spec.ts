import { OpOutcome, OrderResult, OrderView } from '@karmabot/contracts';
import { BotContext } from '../context/bot-context';
import { EN } from '../i18n/en';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { OrderPlacement } from './order-placement';
import { QueuedOrderWatcher } from './queued-order-watcher';

const ORDER = {
  items: [{ sku: 'tea', name: 'Tea', qty: 2, unitPriceMinor: 250 }],
  currency: 'USD',
  previewTotalMinor: 500,
  previewPoints: 5,
};
const ctx = { from: { id: 42 }, chat: { id: 42 }, state: { t: EN } } as unknown as BotContext;

/** The outcomes persistence can answer `order.place` with; the use case itself is covered end to end. */
function placementAnswering(outcome: Partial<OpOutcome<OrderResult>>) {
  const watched: string[] = [];
  const useCases = {
    placeOrder: async () => ({ opId: 'op-1', type: 'order.place', replayed: false, at: '', ...outcome }),
  };
  const watcher = { watch: async (opId: string) => void watched.push(opId) };
  const placement = new OrderPlacement(
    useCases as unknown as BotUseCases,
    watcher as unknown as QueuedOrderWatcher,
  );
  return { placement, watched };
}

describe('placing the confirmed order', () => {
  it('says honestly that a queued order is not confirmed yet, and follows it', async () => {
    const { placement, watched } = placementAnswering({ state: 'queued' });

    const text = await placement.place(ctx, 'draft-1', ORDER);

    expect(text).toBe(
      '⏳ Your order is queued: our database is unavailable right now, so it is not confirmed yet. ' +
        'It will be placed as soon as the database is back, and I will confirm it here.\n' +
        'Reference: op-1\nTotal: $5.00\nPoints to earn: 5',
    );
    expect(watched).toEqual(['op-1']);
  });

  it('shows the order id, total and points of an applied order', async () => {
    const order = { id: 'order-1', totalMinor: 500, currency: 'USD', pointsEarned: 5 } as OrderView;
    const { placement, watched } = placementAnswering({ state: 'applied', result: { order } });

    expect(await placement.place(ctx, 'draft-1', ORDER)).toBe(
      '✅ Order placed!\nOrder: order-1\nTotal: $5.00\nPoints to earn: 5 (credited once the order is paid)',
    );
    expect(watched).toEqual([]);
  });

  it('says why a rejected order was not placed', async () => {
    const { placement } = placementAnswering({
      state: 'rejected',
      error: { code: 'INVALID_INPUT' as never, detail: 'Too many items' },
    });
    expect(await placement.place(ctx, 'draft-1', ORDER)).toBe(
      '❌ The order could not be placed: Too many items',
    );
  });
});
