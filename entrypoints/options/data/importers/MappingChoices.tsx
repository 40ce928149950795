import type { DaylioScan } from '../../../../utils/data/importers/daylio';
import {
  COLUMN_ROLES,
  type ColumnRole,
  type CsvScan,
} from '../../../../utils/data/importers/generic-csv';
import { formatNumber, type MessageKey, t } from '../../../../utils/i18n/i18n';
import { isSting, type Sting } from '../../../../utils/reflections/reflection';

const STING_WORDS: readonly MessageKey[] = ['sting1', 'sting2', 'sting3', 'sting4', 'sting5'];

const ROLE_KEYS: Readonly<Record<ColumnRole, MessageKey>> = {
  skip: 'importerRoleSkip',
  date: 'importerRoleDate',
  happened: 'importerRoleHappened',
  learned: 'importerRoleLearned',
  nextTime: 'importerRoleNextTime',
  tags: 'importerRoleTags',
};

/** Daylio's moods, each with a sting to choose; none chosen means no sting. */
export function MoodStings({
  scan,
  stings,
  onChange,
}: {
  scan: DaylioScan;
  stings: Readonly<Record<string, Sting>>;
  onChange: (stings: Record<string, Sting>) => void;
}) {
  if (scan.moods.length === 0) return null;
  return (
    <fieldset class="import-mapping">
      <legend>{t('importerMoodLegend')}</legend>
      {scan.moods.map(({ mood, count }, i) => (
        <div class="field" key={mood}>
          <label for={`importer-mood-${i}`}>
            {t('importerMoodLabel', mood, formatNumber(count))}
          </label>
          <select
            id={`importer-mood-${i}`}
            value={String(stings[mood] ?? '')}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              const next = { ...stings };
              if (isSting(value)) next[mood] = value;
              else delete next[mood];
              onChange(next);
            }}
          >
            <option value="">{t('importerNoSting')}</option>
            {STING_WORDS.map((words, level) => (
              <option key={words} value={String(level + 1)}>
                {t('importerStingOption', level + 1, t(words))}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** A CSV's columns, each with where it goes and an example from the first row. */
export function ColumnRoles({
  scan,
  roles,
  onChange,
}: {
  scan: CsvScan;
  roles: readonly ColumnRole[];
  onChange: (roles: ColumnRole[]) => void;
}) {
  const sample = scan.rows.find((row) => row.some((cell) => cell.trim() !== '')) ?? [];
  return (
    <fieldset class="import-mapping">
      <legend>{t('importerColumnsLegend')}</legend>
      {/* Columns have no id but their place (two may share a name): the index is the key. */}
      {scan.headers.map((header, i) => (
        <div class="field" key={i}>
          <label for={`importer-column-${i}`}>{t('importerColumnLabel', header)}</label>
          <select
            id={`importer-column-${i}`}
            aria-describedby={`importer-sample-${i}`}
            value={roles[i] ?? 'skip'}
            onChange={(event) => {
              const next = [...roles];
              next[i] = event.currentTarget.value as ColumnRole;
              onChange(next);
            }}
          >
            {COLUMN_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_KEYS[role])}
              </option>
            ))}
          </select>
          <span id={`importer-sample-${i}`} class="muted">
            {t('importerColumnSample', (sample[i] ?? '').slice(0, 60))}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
