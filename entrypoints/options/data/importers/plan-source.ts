/**
 * A read source planned with the choices the preview offers: the zone, a sting per mood
 * (Daylio), and a role per column (CSV). Run again on every change of those choices.
 */
import { planDaylio } from '../../../../utils/data/importers/daylio';
import { planDayOne } from '../../../../utils/data/importers/dayone';
import {
  type ColumnRole,
  mappingProblem,
  planCsv,
} from '../../../../utils/data/importers/generic-csv';
import { planMarkdown } from '../../../../utils/data/importers/markdown-notes';
import type { ImportPlan } from '../../../../utils/data/importers/plan';
import type { Sting } from '../../../../utils/reflections/reflection';
import type { Source } from './read-source';

export interface PlanChoices {
  zone: string;
  stings: Readonly<Record<string, Sting>>;
  roles: readonly ColumnRole[];
}

/** The plan for a source under the person's choices, or what is wrong (a refusal, a mapping). */
export function planSource(
  source: Source,
  choices: PlanChoices,
  now: number,
): { ok: true; plan: ImportPlan } | { ok: false; message: string } {
  switch (source.format) {
    case 'dayone':
      return planDayOne(source.files, choices.zone, now);
    case 'daylio':
      return { ok: true, plan: planDaylio(source.scan, choices, now) };
    case 'markdown':
      return { ok: true, plan: planMarkdown(source.files, source.others, choices.zone, now) };
    case 'csv': {
      const problem = mappingProblem(choices.roles);
      if (problem) return { ok: false, message: problem };
      return { ok: true, plan: planCsv(source.scan, choices.roles, choices.zone, now) };
    }
  }
}
