import { describe, expect, it } from 'vitest';
import { guest, T0 } from '../testing/harness';
import { created, joined, leftRoom } from '../testing/history';
import { given } from '../testing/spec';

const ZWSP = '\u200B';
const CYRILLIC_A = '\u0410';
const join = (name: string) => ({ type: 'Join' as const, name });
const asGuest = { actor: guest };
const lobbyWith = (...names: string[]) => [created(), ...names.map((n, i) => joined(`s${i + 1}`, n))];

describe('Join: a display name is normalised before it is stored', () => {
  it.each([
    ['a zero-width space', `Ana${ZWSP}`, 'Ana'],
    ['zero-width joiners and a byte-order mark inside', `A\u200Dn\u200C\uFEFFa`, 'Ana'],
    ['bidi controls that would reverse the text', '\u202EanA\u202C', 'anA'],
    ['isolates and marks', '\u2066Ana\u2069\u200E', 'Ana'],
    ['a soft hyphen and a word joiner', 'Ma\u00ADry\u2060Ann', 'MaryAnn'],
    ['a Hangul filler that draws nothing', 'Ana\u3164', 'Ana'],
    ['full-width letters (NFKC)', 'Ａｎａ', 'Ana'],
    ['mathematical bold letters (NFKC)', '𝐀𝐧𝐚', 'Ana'],
    ['a decomposed accent (NFKC composes it)', 'Jose\u0301', 'José'],
    ['tabs, newlines and no-break spaces collapsed to one space', ' Ada\t\u00A0\n Lovelace\u3000', 'Ada Lovelace'],
  ])('given an empty lobby, when a guest joins with %s, then the stored name is clean', (_what, raw, stored) => {
    given([created()]).when(join(raw), asGuest).then([{ type: 'PlayerJoined', seatId: 's1', name: stored, at: T0 }]);
  });

  it.each([
    ['only invisible characters', `${ZWSP}\u200D\u2060`],
    ['only spaces of every kind', ' \u00A0\u3000\t'],
    ['no letter or digit at all', '!!! ...'],
    ['a letter buried under stacked accents', `A${'\u0301\u0300\u0302\u0303\u0304\u0306'}na`],
    ['more than 40 characters once cleaned', 'x'.repeat(41)],
  ])('given an empty lobby, when a guest joins with %s, then NAME_INVALID', (_what, raw) => {
    given([created()]).when(join(raw), asGuest).thenRejects('NAME_INVALID');
  });

  it('counts the length after cleaning: 40 letters padded with invisible characters are accepted', () => {
    given([created()]).when(join(`${'x'.repeat(40)}${ZWSP.repeat(20)}`), asGuest).then((events) => expect(events).toMatchObject([{ name: 'x'.repeat(40) }]));
  });
});

describe('Join: names that read alike are one name', () => {
  it.each([
    ['the same name with a zero-width space', `Ana${ZWSP}`],
    ['a Cyrillic А for the Latin A', `${CYRILLIC_A}na`],
    ['Cyrillic а and Greek α mixed in', 'An\u0430', ],
    ['a Greek capital alpha', '\u0391na'],
    ['another case', 'aNA'],
    ['a dot or a space in the middle', 'A.na'],
    ['spaced out', 'A n a'],
    ['full-width letters', 'Ａｎａ'],
  ])('given Ana in the lobby, when a guest joins with %s, then NAME_TAKEN naming Ana', (_what, raw) => {
    given(lobbyWith('Ana')).when(join(raw), asGuest).thenRejects('NAME_TAKEN', /already called “Ana”/);
  });

  it.each([
    ['a capital I for a small L', 'Ian', 'lan'],
    ['a digit 1 for a small L', 'Al', 'A1'],
    ['a zero for a capital O', 'Oscar', '0scar'],
    ['Cyrillic Р, О and С for Latin P, O and C', 'POC', '\u0420\u041E\u0421'],
    ['a Cyrillic і for a Latin i', 'Liam', 'L\u0456am'],
  ])('given a name in the lobby, when a guest joins with %s, then NAME_TAKEN', (_what, first, second) => {
    given(lobbyWith(first)).when(join(second), asGuest).thenRejects('NAME_TAKEN');
  });

  it('tells apart names that only look alike in a careless font but not on screen: IAN and LAN, Ana and Anna, Rene and René', () => {
    given(lobbyWith('IAN', 'Ana', 'Rene'))
      .when(join('LAN'), asGuest)
      .then([{ type: 'PlayerJoined', seatId: 's4', name: 'LAN', at: T0 }])
      .given()
      .when(join('Anna'), asGuest)
      .then([{ type: 'PlayerJoined', seatId: 's5', name: 'Anna', at: T0 }])
      .given()
      .when(join('René'), asGuest)
      .then([{ type: 'PlayerJoined', seatId: 's6', name: 'René', at: T0 }]);
  });

  it('given Ana left the lobby, when Аna with a Cyrillic А joins, then the name is free again', () => {
    given([...lobbyWith('Ana'), leftRoom('s1')]).when(join(`${CYRILLIC_A}na`), asGuest).then([{ type: 'PlayerJoined', seatId: 's2', name: `${CYRILLIC_A}na`, at: T0 }]);
  });
});

describe('Join: the names the interface uses are reserved', () => {
  it.each([
    ['Control', 'Control'],
    ['control in capitals', 'CONTROL'],
    ['Control with a zero for the O', 'C0ntrol'],
    ['Control with a Cyrillic о', 'C\u043Entrol'],
    ['Control with a zero-width space', `Con${ZWSP}trol`],
    ['Facilitator', 'facilitator'],
    ['the facilitator', 'The  Facilitator'],
    ['Press', 'Press'],
    ['System', 'System'],
    ['Projector', 'projector'],
    ['You', 'You'],
    ['Someone who left', 'someone who left'],
    ['a role kind', 'Journalist'],
  ])('given an empty lobby, when a guest calls themself %s, then NAME_RESERVED', (_what, raw) => {
    given([created()]).when(join(raw), asGuest).thenRejects('NAME_RESERVED', /a name the game itself uses/);
  });

  it('reserves the scenario\'s role titles and side names, but not names that merely contain them', () => {
    given([created()]).when(join('North Leader'), asGuest).thenRejects('NAME_RESERVED', /“North Leader”/);
    given([created()]).when(join('SOUTH'), asGuest).thenRejects('NAME_RESERVED', /“South”/);
    given([created()]).when(join('Controller'), asGuest).then((events) => expect(events).toMatchObject([{ name: 'Controller' }]));
    given([created()]).when(join('Youssef'), asGuest).then((events) => expect(events).toMatchObject([{ name: 'Youssef' }]));
  });
});
