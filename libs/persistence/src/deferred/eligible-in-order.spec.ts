import { eligibleInOrder } from './eligible-in-order';

const op = (opId: string, seq: number) => ({ opId, seq });
const line = (entries: [string, number][], isWhole = true) => ({
  entries: entries.map(([opId, seq]) => ({ opId, seq })),
  isWhole,
});

describe('eligibleInOrder', () => {
  it('lets a whole line go, in sequence order, when it starts at the head', () => {
    const { ready, waiting } = eligibleInOrder(
      [op('c', 3), op('a', 1), op('b', 2)],
      line([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );

    expect(ready.map((o) => o.opId)).toEqual(['a', 'b', 'c']);
    expect(waiting).toEqual([]);
  });

  it('pauses a line behind an earlier op that is not in the batch, never reordering it', () => {
    const { ready, waiting } = eligibleInOrder(
      [op('b', 2), op('c', 3)],
      line([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );

    expect(ready).toEqual([]);
    expect(waiting.map((o) => o.opId)).toEqual(['b', 'c']);
  });

  it('stops at the first gap and keeps everything after it waiting', () => {
    const { ready, waiting } = eligibleInOrder(
      [op('a', 1), op('c', 3)],
      line([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );

    expect(ready.map((o) => o.opId)).toEqual(['a']);
    expect(waiting.map((o) => o.opId)).toEqual(['c']);
  });

  it('lets an op missing from its line go once nothing earlier is left', () => {
    expect(eligibleInOrder([op('x', 5)], line([])).ready).toHaveLength(1);
    expect(eligibleInOrder([op('x', 5)], line([['y', 7]])).ready).toHaveLength(1);
    expect(eligibleInOrder([op('x', 5)], line([['w', 4]])).ready).toHaveLength(0);
  });

  it('does not guess past the part of a line it was shown', () => {
    expect(eligibleInOrder([op('x', 5)], line([], false)).ready).toHaveLength(0);
  });
});
