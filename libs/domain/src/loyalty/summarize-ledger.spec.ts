import { LedgerPosting } from './ledger-posting';
import { summarizeLedger } from './summarize-ledger';

describe('summarizeLedger', () => {
  it('summarizes an empty ledger as zero points at bronze', () => {
    expect(summarizeLedger([])).toEqual({ balance: 0, pending: 0, lifetimeEarned: 0, tier: 'bronze' });
  });

  it('sums the available bucket into the balance and the pending bucket into pending', () => {
    const entries: LedgerPosting[] = [
      { kind: 'earn', bucket: 'available', points: 300 },
      { kind: 'redeem', bucket: 'available', points: -120 },
      { kind: 'adjust', bucket: 'available', points: 20 },
      { kind: 'expire', bucket: 'available', points: -50 },
      { kind: 'earn', bucket: 'pending', points: 40 },
    ];
    expect(summarizeLedger(entries)).toMatchObject({ balance: 150, pending: 40 });
  });

  it('counts in lifetime earned only available earn entries, not pending earns, adjustments or restores', () => {
    const entries: LedgerPosting[] = [
      { kind: 'earn', bucket: 'pending', points: 700 },
      { kind: 'earn', bucket: 'pending', points: -700 },
      { kind: 'earn', bucket: 'available', points: 700 },
      { kind: 'earn', bucket: 'pending', points: 500 },
      { kind: 'adjust', bucket: 'available', points: 5_000 },
      { kind: 'reverse', bucket: 'available', points: 80 },
    ];
    expect(summarizeLedger(entries)).toEqual({
      balance: 5_780,
      pending: 500,
      lifetimeEarned: 700,
      tier: 'bronze',
    });
  });

  it('keeps lifetime earned, and so the tier, after earned points are reversed', () => {
    const entries: LedgerPosting[] = [
      { kind: 'earn', bucket: 'available', points: 1_200 },
      { kind: 'reverse', bucket: 'available', points: -1_200 },
    ];
    expect(summarizeLedger(entries)).toEqual({
      balance: 0,
      pending: 0,
      lifetimeEarned: 1_200,
      tier: 'silver',
    });
  });

  it('derives the tier from lifetime earned, not from the balance', () => {
    const entries: LedgerPosting[] = [
      { kind: 'earn', bucket: 'available', points: 6_000 },
      { kind: 'redeem', bucket: 'available', points: -5_900 },
    ];
    expect(summarizeLedger(entries)).toMatchObject({ balance: 100, tier: 'gold' });
  });
});
