/** The sections of the options page, in nav order; the first is the default. */
export const SECTIONS = [
  { id: 'lessons', name: 'Lessons' },
  { id: 'insights', name: 'Insights' },
  { id: 'follow-through', name: 'Follow-through' },
  { id: 'data', name: 'Data' },
  { id: 'nudges', name: 'Nudges' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const DEFAULT_SECTION: SectionId = 'lessons';

export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((section) => section.id === value);
}
