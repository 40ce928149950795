// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReflectionEditor } from '../../../components/ReflectionEditor';
import { draftToInput } from '../../../entrypoints/popup/state';
import { emptyDraft } from '../../../utils/capture/draft';
import { createKeyring, sealingKeyOf } from '../../../utils/lock/keyring';
import { openReflection, sealReflection } from '../../../utils/lock/sealed-reflection';
import { withTemplate } from '../../../utils/reflections/own-template-edits';
import { EMPTY_TEMPLATE_PREFS, type OwnTemplate } from '../../../utils/reflections/own-templates';
import { knowTemplates } from '../../../utils/reflections/own-templates-read-store';
import { questionLabel } from '../../../utils/reflections/question-label';
import { createReflection } from '../../../utils/reflections/reflection';
import { questionsFor } from '../../../utils/reflections/templates';

afterEach(() => {
  cleanup();
  knowTemplates(EMPTY_TEMPLATE_PREFS);
});

const retro: OwnTemplate = {
  id: 'own-retro',
  name: 'Team retro',
  questions: [
    { id: 'qa', role: 'happened', text: 'What broke for the customer?', hint: 'Facts first' },
    { id: 'qb', role: 'extra', text: 'Who noticed it first?', hint: '' },
    { id: 'qc', role: 'nextTime', text: 'What do we change?', hint: '' },
  ],
};
const reworded: OwnTemplate = {
  ...retro,
  name: 'Retro v2',
  questions: [
    { id: 'qc', role: 'nextTime', text: 'One change we commit to?', hint: '' },
    { id: 'qa', role: 'happened', text: 'What happened, in one line?', hint: '' },
  ],
};

/** A reflection saved from the popup's draft while `retro` was the template. */
function savedWithRetro() {
  knowTemplates(withTemplate(EMPTY_TEMPLATE_PREFS, retro));
  const draft = {
    ...emptyDraft('own-retro', 1_000),
    answers: { happened: 'Checkout 500s', qb: 'Support', nextTime: 'Canary deploys' },
  };
  return createReflection(draftToInput(draft), 'r1', 2_000);
}

describe('old reflections keep their wording', () => {
  it('a save keeps the questions it was answered with', () => {
    const r = savedWithRetro();
    expect(r.template).toBe('own-retro');
    expect(r.answers).toEqual({
      happened: 'Checkout 500s',
      qb: 'Support',
      nextTime: 'Canary deploys',
    });
    expect(r.wording?.name).toBe('Team retro');
    expect(r.wording?.questions.map((q) => [q.key, q.label])).toEqual([
      ['happened', 'What broke for the customer?'],
      ['qb', 'Who noticed it first?'],
      ['nextTime', 'What do we change?'],
    ]);
  });

  it('shows the old words after the template was reworded, and after it was deleted', () => {
    const r = savedWithRetro();
    knowTemplates(withTemplate(EMPTY_TEMPLATE_PREFS, reworded));
    // The template now asks something else…
    expect(questionsFor('own-retro')[1]?.label).toBe('What happened, in one line?');
    // …the reflection still says what it was asked.
    expect(questionLabel(r.template, 'happened', r.prompt, r.wording)).toBe(
      'What broke for the customer?',
    );
    knowTemplates(EMPTY_TEMPLATE_PREFS);
    expect(questionLabel(r.template, 'qb', r.prompt, r.wording)).toBe('Who noticed it first?');
  });

  it('the editor of an old reflection labels its fields with the old words', () => {
    const r = savedWithRetro();
    knowTemplates(withTemplate(EMPTY_TEMPLATE_PREFS, reworded));
    render(
      <ReflectionEditor
        reflection={r}
        suggestions={[]}
        onSave={async () => null}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'What broke for the customer?' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Who noticed it first?' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'What happened, in one line?' })).toBeNull();
  });

  it('a built-in template keeps no snapshot: its words follow the UI language', () => {
    knowTemplates(withTemplate(EMPTY_TEMPLATE_PREFS, retro));
    const draft = { ...emptyDraft('quick', 1_000), answers: { learned: 'Ask earlier' } };
    expect(createReflection(draftToInput(draft), 'r2', 2_000).wording).toBeUndefined();
  });

  it.each(['public key', 'data key'])(
    'with the lock on, the wording is sealed with the rest (%s)',
    async (by) => {
      const { keyring, keys } = await createKeyring('correct horse battery', 0, 100_000);
      const r = savedWithRetro();
      const row = await sealReflection(r, by === 'data key' ? keys : await sealingKeyOf(keyring));
      const stored = JSON.stringify({ ...row, sealed: undefined });
      expect(row.wording).toBeUndefined();
      for (const words of ['Team retro', 'What broke', 'Who noticed', 'What do we change'])
        expect(stored).not.toContain(words);
      expect(await openReflection(row, keys)).toEqual(r);
    },
  );
});
