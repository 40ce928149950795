// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateEditor } from '../../../../entrypoints/options/sections/templates/TemplateEditor';
import {
  type Status,
  TemplatesCard,
} from '../../../../entrypoints/options/sections/templates/TemplatesCard';
import {
  EMPTY_TEMPLATE_PREFS,
  type OwnTemplate,
} from '../../../../utils/reflections/own-templates';
import {
  knowTemplates,
  readTemplatePrefs,
} from '../../../../utils/reflections/own-templates-read-store';
import { DEFAULT_SETTINGS } from '../../../../utils/settings/settings';

afterEach(() => {
  cleanup();
  knowTemplates(EMPTY_TEMPLATE_PREFS);
});

const retro: OwnTemplate = {
  id: 'own-retro',
  name: 'Team retro',
  questions: [
    { id: 'qa', role: 'happened', text: 'What broke?', hint: '' },
    { id: 'qb', role: 'extra', text: 'Who noticed first?', hint: '' },
    { id: 'qc', role: 'nextTime', text: 'What do we change?', hint: '' },
  ],
};

const textbox = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });
const order = () =>
  screen.getAllByRole<HTMLInputElement>('textbox', { name: /^Question \d+$/ }).map((f) => f.value);

describe('the template editor', () => {
  it('names every control by its question, and moves questions with buttons that keep the focus', () => {
    render(<TemplateEditor initial={retro} onSave={async () => null} onCancel={() => {}} />);
    expect(screen.getByRole('form', { name: 'Edit template Team retro' })).toBeTruthy();
    expect(textbox('Name').value).toBe('Team retro');
    expect(order()).toEqual(['What broke?', 'Who noticed first?', 'What do we change?']);
    expect(screen.getByRole('combobox', { name: 'Question 2 counts as' })).toHaveProperty(
      'value',
      'extra',
    );
    expect(textbox('Hint for question 1 (one line)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move up: question 1' })).toHaveProperty(
      'disabled',
      true,
    );

    // As a keyboard user does: focus the button, activate it, activate it again.
    const down = screen.getByRole('button', { name: 'Move down: question 1' });
    down.focus();
    fireEvent.click(down);
    expect(order()).toEqual(['Who noticed first?', 'What broke?', 'What do we change?']);
    // The focus followed the question: it is on question 2's "Move down" now.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move down: question 2' }),
    );
    expect(screen.getByText('Question moved to place 2.')).toBeTruthy();
    fireEvent.click(document.activeElement as HTMLElement);
    expect(order()).toEqual(['Who noticed first?', 'What do we change?', 'What broke?']);
    // At the bottom "Move down" is disabled: the focus goes to "Move up", never lost.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move up: question 3' }),
    );
  });

  it('says what is wrong, question by question, and saves nothing until it is fixed', async () => {
    const saved: OwnTemplate[] = [];
    render(
      <TemplateEditor
        initial={retro}
        onSave={async (t) => {
          saved.push(t);
          return null;
        }}
        onCancel={() => {}}
      />,
    );
    fireEvent.input(textbox('Question 2'), { target: { value: '  ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Question 3 counts as' }), {
      target: { value: 'happened' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Question 2 has no words yet.')).toBeTruthy();
    expect(
      screen.getByText(
        'Question 3: another question already counts as “What happened”. Make this one an extra question.',
      ),
    ).toBeTruthy();
    expect(textbox('Question 2').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
    fireEvent.input(textbox('Question 2'), { target: { value: 'Who noticed?' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Question 3 counts as' }), {
      target: { value: 'nextTime' },
    });
    expect(screen.queryByText('Question 2 has no words yet.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.questions.map((q) => q.text)).toEqual([
      'What broke?',
      'Who noticed?',
      'What do we change?',
    ]);
  });

  it('adds questions up to 12, then says why it cannot add another', () => {
    render(<TemplateEditor initial={retro} onSave={async () => null} onCancel={() => {}} />);
    const add = screen.getByRole('button', { name: 'Add a question' });
    for (let i = 0; i < 12; i++) fireEvent.click(add);
    expect(order()).toHaveLength(12);
    expect(add).toHaveProperty('disabled', true);
    expect(
      screen.getByText('A template holds up to 12 questions. Remove one to add another.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove: question 12' }));
    expect(order()).toHaveLength(11);
    expect(add).toHaveProperty('disabled', false);
  });
});

/** The card with a live region, as Preferences gives it one. */
function WithStatus() {
  const [status, setStatus] = useState<Status>(null);
  return (
    <>
      <TemplatesCard settings={DEFAULT_SETTINGS} onStatus={setStatus} />
      <div role="status">{status?.text}</div>
    </>
  );
}

describe('Preferences → Templates', () => {
  it('duplicates a built-in, rewords a question, saves it and offers it as a default', async () => {
    render(<WithStatus />);
    const card = await screen.findByRole('region', { name: 'Templates' });
    expect(within(card).getByText(/No templates of your own yet/)).toBeTruthy();
    fireEvent.change(within(card).getByRole('combobox', { name: 'Built-in template to copy' }), {
      target: { value: 'aar' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Duplicate' }));
    const form = screen.getByRole('form', { name: 'Edit template After-Action Review (copy)' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Launch review' },
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Question 2' }), {
      target: { value: 'What went sideways?' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Template saved.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    const stored = await readTemplatePrefs();
    expect(stored.own).toHaveLength(1);
    expect(stored.own[0]).toMatchObject({ name: 'Launch review' });
    expect(stored.own[0]?.questions.map((q) => [q.role, q.text])).toEqual([
      ['extra', 'What was supposed to happen?'],
      ['happened', 'What went sideways?'],
      ['learned', expect.any(String)],
      ['nextTime', expect.any(String)],
    ]);
    expect(within(card).getByRole('button', { name: 'Edit: Launch review' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Save as file: Launch review' })).toBeTruthy();

    // The new template is a choice for each trigger.
    const defaults = within(card).getByRole('group', { name: 'Start with this template after' });
    const menu = within(defaults).getByRole('combobox', { name: 'From a page' });
    fireEvent.change(menu, { target: { value: stored.own[0]?.id } });
    await waitFor(async () =>
      expect((await readTemplatePrefs()).byTrigger).toEqual({ 'context-menu': stored.own[0]?.id }),
    );

    // Hiding a built-in, then deleting the own template: its default falls back.
    fireEvent.click(within(card).getByRole('checkbox', { name: 'Gibbs cycle' }));
    await waitFor(async () => expect((await readTemplatePrefs()).hidden).toEqual(['gibbs']));
    fireEvent.click(within(card).getByRole('button', { name: 'Delete: Launch review' }));
    expect(
      await screen.findByText(
        '“Launch review” deleted. Reflections written with it keep its words.',
      ),
    ).toBeTruthy();
    expect(await readTemplatePrefs()).toEqual({ own: [], hidden: ['gibbs'], byTrigger: {} });
  });
});
