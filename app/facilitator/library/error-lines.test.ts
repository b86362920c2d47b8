import { describe, expect, it } from 'vitest';
import { lineOf, parsePath } from './error-lines';

describe('the line of an upload error', () => {
  it('reads the paths the validator writes', () => {
    expect(parsePath('roles[3].objectives[0].when.issueId')).toEqual(['roles', 3, 'objectives', 0, 'when', 'issueId']);
    expect(parsePath('support["a b"]')).toEqual(['support', 'a b']);
  });

  it('finds a field in YAML, and the nearest parent of a missing one', () => {
    const yaml = ['id: x', 'roles:', '  - id: a', '    min: 1', '  - id: b', '    min: -2', ''].join('\n');
    expect(lineOf(yaml, 'roles[1].min')).toBe(6);
    expect(lineOf(yaml, 'roles[1].max')).toBe(5);
    expect(lineOf(yaml, 'title')).toBe(1);
  });

  it('finds a field in JSON', () => {
    const json = JSON.stringify({ id: 'x', phases: [{ id: 'p', durationSec: 0 }] }, null, 2);
    expect(lineOf(json, 'phases[0].durationSec')).toBe(6);
  });

  it('gives no line when the text does not parse', () => {
    expect(lineOf('a: [', 'a')).toBeNull();
  });
});
