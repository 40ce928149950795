// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReflectionCard } from '../../components/ReflectionCard';
import { createKeyring } from '../../utils/lock/keyring';
import { sealReflection } from '../../utils/lock/sealed-reflection';
import { richReflection } from '../helpers/reflections';

afterEach(cleanup);

describe('a reflection card', () => {
  it('says plainly when a sealed reflection could not be opened, and offers no edit', async () => {
    const { keys } = await createKeyring('a long passphrase', 0, 100_000);
    const sealed = await sealReflection(richReflection(1), keys);
    render(<ReflectionCard reflection={sealed} terms={[]} onEdit={() => {}} onShare={() => {}} />);
    expect(screen.getByText(/couldn't be decrypted/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Share/ })).toBeNull();
  });

  it('shows the lesson of a readable one', () => {
    render(<ReflectionCard reflection={richReflection(1)} terms={[]} onEdit={() => {}} />);
    expect(screen.getByText('Lesson 1: ask earlier')).toBeTruthy();
    expect(screen.queryByText(/couldn't be decrypted/)).toBeNull();
  });
});
