// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ShareDialog } from '../../components/ShareDialog';
import { createReflection } from '../../utils/reflections/reflection';

const reflection = createReflection(
  {
    template: 'gibbs',
    answers: {
      happened: 'The demo broke',
      feelings: 'Embarrassed',
      learned: 'Rehearse on the real laptop',
      nextTime: 'Do a dry run',
    },
    tags: ['demo'],
    sting: 4,
  },
  'r1',
  Date.parse('2026-11-20T10:00:00Z'),
);

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Share
      </button>
      {open && <ShareDialog reflection={reflection} onClose={() => setOpen(false)} />}
    </>
  );
}

afterEach(cleanup);

describe('ShareDialog', () => {
  // First in the file: happy-dom will not move focus again once a focused element was
  // removed in an earlier test (real Chromium is checked in tests/e2e/follow-through.e2e.ts).
  it('closes on Escape and gives focus back to the button that opened it', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Share' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves feelings and sting out by default; choosing fields changes the preview', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this lesson' });
    const preview = () => dialog.querySelector('pre')?.textContent ?? '';
    expect(preview()).toContain('What I learned: Rehearse on the real laptop');
    expect(preview()).not.toContain('Embarrassed');
    expect(preview()).not.toContain('Sting');
    expect(
      (screen.getByRole('checkbox', { name: 'How did I feel?' }) as HTMLInputElement).checked,
    ).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'How did I feel?' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sting' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'What happened?' }));
    expect(preview()).toContain('Embarrassed');
    expect(preview()).toContain('Sting: 4/5');
    expect(preview()).not.toContain('The demo broke');

    fireEvent.click(screen.getByRole('radio', { name: 'Markdown' }));
    expect(preview()).toContain('**What I learned:** Rehearse on the real laptop');
  });

  it('keeps Tab inside the dialog', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getAllByRole('checkbox')[0]);
  });

  it('says so, in plain words, when the browser refuses to copy', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(
      await screen.findByText(/did not allow copying\. Select the preview and press Ctrl\+C/),
    ).toBeTruthy();
  });
});
