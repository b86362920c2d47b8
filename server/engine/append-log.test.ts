import { describe, expect, it } from 'vitest';
import { AppendList, AppendRecord } from './append-log';

describe('AppendList: an append-only list that never changes a view it handed out', () => {
  it('appends in order and reads like the array it stands for', () => {
    const list = AppendList.empty<number>().append(1).append(2, 3);
    expect([...list]).toEqual([1, 2, 3]);
    expect(list.length).toBe(3);
    expect([list.at(0), list.at(-1), list.at(3)]).toEqual([1, 3, undefined]);
    expect(list.filter((n) => n > 1)).toEqual([2, 3]);
    expect(list.map((n) => n * 10)).toEqual([10, 20, 30]);
    expect([list.find((n) => n === 2), list.some((n) => n === 4)]).toEqual([2, false]);
    expect([list.slice(1), list.slice(-1), list.slice(0, 2)]).toEqual([[2, 3], [3], [1, 2]]);
    expect(JSON.stringify({ list })).toBe('{"list":[1,2,3]}');
  });

  it('given a view that was grown, when it is grown again (a second branch), then both branches and the view hold their own entries', () => {
    const base = AppendList.from([1, 2]);
    const a = base.append(3);
    const b = base.append(30);
    const a2 = a.append(4);
    const b2 = b.append(40);
    expect([[...base], [...a], [...b], [...a2], [...b2]]).toEqual([[1, 2], [1, 2, 3], [1, 2, 30], [1, 2, 3, 4], [1, 2, 30, 40]]);
    // A view never sees what was appended beyond it, even in the shared storage.
    expect([base.at(2), base.slice(0, 10), base.filter(() => true)]).toEqual([undefined, [1, 2], [1, 2]]);
    expect(base).toEqual(AppendList.from([1, 2]));
    expect(a2).not.toEqual(b2);
  });
});

describe('AppendRecord: an append-only record by id', () => {
  it('finds entries by id only within the view, and keeps branches apart', () => {
    const base = AppendRecord.from([{ id: 'x', v: 1 }]);
    const a = base.add({ id: 'y', v: 2 });
    const b = base.add({ id: 'y', v: 20 }).add({ id: 'z', v: 3 });
    expect(base.get('y')).toBeUndefined();
    expect([a.get('y')?.v, b.get('y')?.v, a.get('z'), b.get('z')?.v]).toEqual([2, 20, undefined, 3]);
    expect([base.count, a.count, b.count]).toEqual([1, 2, 3]);
    expect([a.ids(), b.ids()]).toEqual([['x', 'y'], ['x', 'y', 'z']]);
    expect(JSON.parse(JSON.stringify(b))).toEqual({ x: { id: 'x', v: 1 }, y: { id: 'y', v: 20 }, z: { id: 'z', v: 3 } });
    expect(() => a.add({ id: 'x', v: 9 })).toThrow(/x is already there/);
  });
});
