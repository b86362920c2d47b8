import { describe, expect, it } from 'vitest';
import { fileProblem, parseLogFile } from './import-log';
import { parseDays, retentionSentence } from './retention-setting';

describe('the import form’s own checks', () => {
  it('says what is wrong with the chosen file before sending it', () => {
    expect(fileProblem(undefined)).toMatch(/Choose a file first/);
    expect(fileProblem({ name: 'events.json', size: 0 })).toBe('events.json is empty.');
    expect(fileProblem({ name: 'big.json', size: 40 * 1024 * 1024 })).toBe('big.json is 40 MB; an event log can be at most 32 MB.');
    expect(fileProblem({ name: 'events.json', size: 1200 })).toBeNull();
  });

  it('reads JSON, and names a file that is not JSON', () => {
    expect(parseLogFile('events.json', '{"format":"x"}')).toEqual({ ok: true, value: { format: 'x' } });
    expect(parseLogFile('notes.txt', 'hello, world')).toEqual({ ok: false, message: expect.stringMatching(/^notes\.txt is not a JSON file\./) });
  });
});

describe('the retention setting', () => {
  it('takes whole days from 1 to 3650 and says why anything else is refused', () => {
    expect(parseDays(' 30 ')).toEqual({ ok: true, days: 30 });
    expect(parseDays('0')).toEqual({ ok: false, message: expect.stringMatching(/from 1 to 3650 days.*0 is outside/) });
    expect(parseDays('4000')).toMatchObject({ ok: false });
    expect(parseDays('2.5')).toEqual({ ok: false, message: 'Write the number of days as a whole number, from 1 to 3650.' });
    expect(parseDays('')).toMatchObject({ ok: false });
  });

  it('says in words what the setting does', () => {
    expect(retentionSentence(null)).toBe('Finished sessions are kept until someone deletes them.');
    expect(retentionSentence(1)).toMatch(/deleted 1 day after/);
    expect(retentionSentence(30)).toMatch(/deleted 30 days after their last event/);
  });
});
