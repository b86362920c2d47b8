import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** `roles[3].objectives[0].when` → ['roles', 3, 'objectives', 0, 'when'] (the inverse of formatPath). */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[3] !== undefined) keys.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return keys;
}

/**
 * The line of the field a validation error names, in the uploaded text (YAML or JSON: JSON is
 * YAML, so one parser finds both). When the field itself is missing, the line of its nearest
 * parent that exists; null when the text does not parse at all.
 */
export function lineOf(text: string, path: string): number | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) return null;
  let node: unknown = doc.contents;
  let line = node && typeof node === 'object' && 'range' in node ? counter.linePos((node as Node).range![0]).line : 1;
  for (const key of parsePath(path)) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      // The key's own line: that is where the author looks.
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) line = counter.linePos(keyNode.range[0]).line;
      next = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
      const item = next as Node | undefined;
      if (item?.range) line = counter.linePos(item.range[0]).line;
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return line;
}
