import type { MessageKey } from '../../utils/i18n/i18n';

/** The sections of the options page, in nav order; the first is the default. */
export const SECTIONS = [
  { id: 'lessons', nameKey: 'sectionLessons' },
  { id: 'insights', nameKey: 'sectionInsights' },
  { id: 'follow-through', nameKey: 'sectionFollowThrough' },
  { id: 'packet', nameKey: 'sectionPacket' },
  { id: 'data', nameKey: 'sectionData' },
  { id: 'nudges', nameKey: 'sectionNudges' },
  { id: 'preferences', nameKey: 'sectionPreferences' },
] as const satisfies readonly { id: string; nameKey: MessageKey }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

export const DEFAULT_SECTION: SectionId = 'lessons';

/** Whether a route segment names a section. */
export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((section) => section.id === value);
}
