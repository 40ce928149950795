import { describe, expect, it } from 'vitest';
import { importedId } from '../../../../utils/data/importers/source-id';

describe('importedId', () => {
  it('is a UUID-shaped id (version 8), the same for the same entry', () => {
    const id = importedId('dayone', 'ABC');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedId('dayone', 'ABC')).toBe(id);
  });

  it('differs between entries and between formats', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) ids.add(importedId('daylio', `2024-01-01 10:00#${i}`));
    ids.add(importedId('csv', '2024-01-01 10:00#1'));
    expect(ids.size).toBe(20_001);
  });
});
