import { LIMITS } from './commands';
import type { Scenario } from './scenario';

/**
 * Display names, which every seat at a table reads next to what a person says. Three things
 * keep one person from passing for another:
 *
 * 1. The name is normalised before it is stored: NFKC (so full-width and mathematical letters
 *    become plain ones), invisible characters removed (zero-width spaces and joiners, bidi
 *    controls, soft hyphens, variation selectors, Hangul fillers: everything Unicode marks
 *    default-ignorable or format), every kind of space collapsed to one.
 * 2. Uniqueness is checked on look-alike keys, not on the text: "Ana", "ANA", "Аna" with a
 *    Cyrillic А and "A.na" are one name; so are "Ian" and "lan" (capital i and small L).
 * 3. The names the interface itself speaks with ("Control", "Press", "You", a role title or a
 *    side of the scenario...) are reserved.
 *
 * The look-alike table is small on purpose (Unicode's full confusables list has 6,000 lines and
 * the engine imports nothing): Cyrillic and Greek letters that are drawn like Latin ones, and
 * the few Latin and digit pairs that sans-serif fonts draw alike.
 */

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u2800]/gu;
const SPACES = /[\p{White_Space}\p{Cc}\p{Zl}\p{Zp}]+/gu;
const MARK_RUN = /\p{M}{5,}/u;
/** Punctuation and spaces do not tell two names apart: "A.na" and "Ana" read alike. */
const SEPARATORS = /[\s\p{P}]+/gu;

/** Letters of other scripts drawn like Latin ones (case kept: case is folded separately). */
const CROSS_SCRIPT: Record<string, string> = Object.fromEntries(
  [
    // Cyrillic
    'АA аa ВB ЕE еe КK кk МM НH ОO оo РP рp СC сc ТT УY уy ХX хx ЅS ѕs ІI іi Јj јj Ԁd ԁd Ԛq ԛq Ԝw ԝw Һh һh Ӏl ӏl Үy үy ьb',
    // Greek
    'ΑA αa ΒB ΕE ΖZ ΗH ΙI ιi ΚK κk ΜM ΝN νv ΟO οo ΡP ρp ΤT ΥY υu ΧX χx ϲc ϹC',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);

/** Latin letters and digits that sans-serif fonts draw alike. */
const SAME_SCRIPT: Record<string, string> = { I: 'l', '1': 'l', '|': 'l', ǀ: 'l', ı: 'i', '0': 'O' };

const mapChars = (text: string, table: Record<string, string>) => [...text].map((c) => table[c] ?? c).join('');

/**
 * Names the interface shows for things that are not players. Kept here, beside the check, and
 * matched through the look-alike keys, so "C0ntrol" or "The  Facilitator" are refused too.
 */
export const RESERVED_NAMES = [
  'Control', 'Facilitator', 'The facilitator', 'Teacher', 'Moderator', 'Admin', 'Administrator', 'System', 'Server',
  'Press', 'Projector', 'Room screen', 'News', 'Intelligence', 'Escalation', 'You', 'Me', 'Someone who left', 'Nobody', 'Everyone',
  'Leader', 'Envoy', 'Spoiler', 'Journalist',
] as const;

/** The name as it will be stored and shown: normalised, invisible characters gone, spaces collapsed. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').replace(SPACES, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Why a normalised name cannot be used at all, or null. */
export function nameProblem(name: string): string | null {
  if (name.length < 1 || name.length > LIMITS.nameLength) return `Your display name must be 1 to ${LIMITS.nameLength} characters long (invisible characters do not count).`;
  if (!/[\p{L}\p{N}]/u.test(name)) return 'Your display name needs at least one letter or digit.';
  if (MARK_RUN.test(name)) return 'Your display name stacks too many accents on one letter; write it plainly.';
  return null;
}

/**
 * Two keys, equal for names that read alike: one folds case and other scripts' look-alikes
 * ("ANA" = "Аna"), the other keeps case and folds the Latin look-alikes ("Ian" = "lan", which a
 * case-folding key would not see, while "IAN" and "LAN" stay apart).
 */
export function nameKeys(name: string): [string, string] {
  const base = mapChars(name.normalize('NFD'), CROSS_SCRIPT).replace(SEPARATORS, '');
  const folded = base.toLowerCase();
  return [mapChars(folded, CROSS_SCRIPT).normalize('NFC'), mapChars(base, SAME_SCRIPT).normalize('NFC')];
}

export function namesCollide(a: string, b: string): boolean {
  const [a1, a2] = nameKeys(a);
  const [b1, b2] = nameKeys(b);
  return a1 === b1 || a2 === b2;
}

/** The reserved name this one reads as, or null. Role titles and side names of the scenario count. */
export function reservedAs(name: string, scenario: Pick<Scenario, 'roles' | 'sides'>): string | null {
  // Loose on purpose: nobody needs to be called "CONTR0L", so case and every look-alike are folded.
  const loose = (text: string) => nameKeys(mapChars(text.normalize('NFD'), SAME_SCRIPT))[0];
  const key = loose(name);
  const reserved = [...RESERVED_NAMES, ...scenario.roles.map((r) => r.title), ...scenario.sides.map((s) => s.name)];
  return reserved.find((r) => loose(r) === key) ?? null;
}
