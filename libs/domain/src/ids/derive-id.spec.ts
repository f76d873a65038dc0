import { v5 as uuidv5, validate, version } from 'uuid';
import { deriveId } from './derive-id';

const opId = '8f1d0e6a-4b2c-4e7d-9a3b-1c2d3e4f5a6b';
const otherOpId = '8f1d0e6a-4b2c-4e7d-9a3b-1c2d3e4f5a6c';

describe('deriveId', () => {
  it('derives the same version-5 UUID from the same op and label', () => {
    const id = deriveId(opId, 'order');
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
    expect(deriveId(opId, 'order')).toBe(id);
  });

  it('uses the op id as the namespace and the label as the name', () => {
    expect(deriveId(opId, 'ledger:1')).toBe(uuidv5('ledger:1', opId));
  });

  it('gives every row of an op its own id', () => {
    const labels = ['order', 'ledger:0', 'ledger:1', 'link_code'];
    expect(new Set(labels.map((l) => deriveId(opId, l))).size).toBe(labels.length);
  });

  it('gives the same row of two ops different ids', () => {
    expect(deriveId(opId, 'order')).not.toBe(deriveId(otherOpId, 'order'));
  });

  it('refuses an op id that is not a UUID', () => {
    expect(() => deriveId('order-123', 'order')).toThrow(RangeError);
    expect(() => deriveId('', 'order')).toThrow(RangeError);
  });

  it('refuses an empty label', () => {
    expect(() => deriveId(opId, '')).toThrow(RangeError);
  });
});
