// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFormExtras, mountPopup } from '../../../entrypoints/popup/App';
import { createPopupState } from '../../../entrypoints/popup/state';
import { emptyDraft } from '../../../utils/capture/draft';
import { loadDraft, saveDraft } from '../../../utils/capture/draft-store';
import { stagePrompt } from '../../../utils/nudges/worker/nudge-delivery';
import { listReflections } from '../../../utils/reflections/db-store';
import { EMPTY_TEMPLATE_PREFS, type TemplatePrefs } from '../../../utils/reflections/own-templates';
import {
  knowTemplates,
  loadOwnTemplates,
  TEMPLATES_KEY,
} from '../../../utils/reflections/own-templates-read-store';

const NOW = 1_750_000_000_000;
const roots: HTMLElement[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) {
    preactRender(null, root);
    root.remove();
  }
  knowTemplates(EMPTY_TEMPLATE_PREFS);
});

const prefs: TemplatePrefs = {
  own: [
    {
      id: 'own-retro',
      name: 'Team retro',
      questions: [
        { id: 'qa', role: 'happened', text: 'What broke for the customer?', hint: 'Facts first' },
        { id: 'qb', role: 'nextTime', text: 'What do we change?', hint: '' },
      ],
    },
  ],
  hidden: ['gibbs', 'ssc'],
  byTrigger: { 'context-menu': 'own-retro' },
};

describe('the popup with own templates', () => {
  it('a context menu entry opens an empty draft with the template chosen for it', async () => {
    await fakeBrowser.storage.local.set({ [TEMPLATES_KEY]: prefs });
    await stagePrompt('context-menu', { title: 'Incident 42' }, NOW);
    expect(await loadDraft()).toMatchObject({ template: 'own-retro', trigger: 'context-menu' });
    // Other triggers keep the popup's default.
    await fakeBrowser.storage.local.remove('draft');
    await stagePrompt('idle', null, NOW);
    expect(await loadDraft()).toMatchObject({ template: 'quick', trigger: 'idle' });
  });

  it('a draft already begun keeps its template when a nudge stages it', async () => {
    await fakeBrowser.storage.local.set({ [TEMPLATES_KEY]: prefs });
    await saveDraft({ ...emptyDraft('aar', NOW), answers: { expected: 'A calm release' } });
    await stagePrompt('context-menu', null, NOW);
    expect(await loadDraft()).toMatchObject({
      template: 'aar',
      answers: { expected: 'A calm release' },
    });
  });

  it('offers own templates, hides hidden built-ins, asks the own words and saves them', async () => {
    await fakeBrowser.storage.local.set({ [TEMPLATES_KEY]: prefs });
    await loadOwnTemplates();
    const state = createPopupState(
      { ...emptyDraft('own-retro', NOW), trigger: 'context-menu' },
      { now: () => NOW },
    );
    const root = document.body.appendChild(document.createElement('main'));
    roots.push(root);
    await loadFormExtras();
    mountPopup(root, state, 'quick');
    const picker = within(root).getByRole('combobox', { name: 'Template' });
    const names = within(picker)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toEqual([
      'Quick',
      'After-Action Review',
      'Personal postmortem',
      'One question',
      'Team retro',
    ]);
    const field = within(root).getByRole('textbox', { name: 'What broke for the customer?' });
    expect(field.getAttribute('placeholder')).toBe('Facts first');
    fireEvent.input(field, { target: { value: 'Checkout returned 500s' } });
    expect(await state.save()).toBe(true);
    const { items } = await listReflections();
    expect(items).toHaveLength(1);
    const [saved] = items;
    expect(saved).toMatchObject({
      template: 'own-retro',
      answers: { happened: 'Checkout returned 500s' },
      wording: { name: 'Team retro' },
    });
    expect(saved?.wording?.questions.map((q) => q.label)).toEqual([
      'What broke for the customer?',
      'What do we change?',
    ]);
  });
});
