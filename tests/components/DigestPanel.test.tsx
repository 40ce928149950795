// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestPanel } from '../../components/DigestPanel';
import { fixedZone } from '../../utils/core/calendar';
import { createReflection, type Reflection } from '../../utils/reflections/reflection';

const NOW = Date.parse('2026-11-25T12:00:00Z');

const make = (id: string, iso: string, learned: string, tags: string[] = []): Reflection =>
  createReflection(
    { template: 'quick', answers: { learned }, tags, sting: null },
    id,
    Date.parse(iso),
  );

const list = [
  make('a', '2026-11-15T23:59:00Z', 'Sunday before last week'),
  make('b', '2026-11-16T00:00:00Z', 'Monday of last week', ['ops']),
  make('c', '2026-11-22T23:59:00Z', 'Sunday of last week'),
  make('d', '2026-11-23T00:00:00Z', 'This week'),
  make('e', '2026-10-10T10:00:00Z', 'In October', ['ops']),
];

function renderPanel() {
  render(<DigestPanel reflections={list} tags={['ops']} now={NOW} zone={fixedZone(0)} />);
  return () => screen.getByRole('region', { name: 'Digest preview' }).textContent ?? '';
}

afterEach(cleanup);

describe('DigestPanel', () => {
  it('last week holds exactly Monday to Sunday of the week before', () => {
    const preview = renderPanel();
    expect(screen.getByText('Reflections in this digest: 2')).toBeTruthy();
    expect(preview()).toContain('Monday of last week');
    expect(preview()).toContain('Sunday of last week');
    expect(preview()).not.toContain('Sunday before last week');
    expect(preview()).not.toContain('This week');
  });

  it('last month, narrowed by a tag', () => {
    const preview = renderPanel();
    fireEvent.click(screen.getByRole('radio', { name: 'Last month' }));
    expect(preview()).toContain('In October');
    expect(preview()).not.toContain('week');
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'ops' } });
    expect(screen.getByText('Reflections in this digest: 1')).toBeTruthy();
  });

  it('a custom range includes both days and explains a reversed one', () => {
    const preview = renderPanel();
    fireEvent.click(screen.getByRole('radio', { name: 'Custom range' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick both a first and a last day.');
    expect(
      (screen.getByRole('button', { name: 'Copy digest as text' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-22' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-23' } });
    expect(screen.getByText('Reflections in this digest: 2')).toBeTruthy();
    expect(preview()).toContain('Sunday of last week');
    expect(preview()).toContain('This week');
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-24' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'The last day comes before the first — swap them.',
    );
  });
});
