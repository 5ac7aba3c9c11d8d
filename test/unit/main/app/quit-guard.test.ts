import { describe, expect, it } from 'vitest';
import { guardQuit, quitQuestion } from '../../../../main/app/quit-guard';

function closeWith(running: number, answer: number) {
  let listener: ((event: { preventDefault(): void }) => void) | null = null;
  const asked: unknown[] = [];
  guardQuit({ on: (_event, l) => (listener = l) }, { running: () => running, language: () => 'de', ask: (q) => (asked.push(q), answer) });
  let prevented = false;
  listener!({ preventDefault: () => (prevented = true) });
  return { prevented, asked };
}

describe('the quit guard', () => {
  it('closes without asking when no setup runs', () => {
    expect(closeWith(0, 0)).toEqual({ prevented: false, asked: [] });
  });

  it('asks while a setup runs, and stays open unless "quit anyway" is chosen', () => {
    expect(closeWith(1, 0).prevented).toBe(true);
    expect(closeWith(1, 1).prevented).toBe(false);
    expect(closeWith(2, 0).asked).toHaveLength(1);
  });

  it('has staying as the default and cancel answer, in both languages', () => {
    for (const language of ['de', 'en'] as const) {
      const question = quitQuestion(language, 2);
      expect(question.defaultId).toBe(0);
      expect(question.cancelId).toBe(0);
      expect(question.buttons).toHaveLength(2);
    }
    expect(quitQuestion('de', 2).message).toContain('2 Einrichtungen');
  });
});
