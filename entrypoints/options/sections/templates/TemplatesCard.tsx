import { useEffect, useId, useState } from 'preact/hooks';
import { downloadBlob } from '../../../../utils/data/transfer-store';
import { triggerLabel } from '../../../../utils/i18n/format';
import { formatNumber, t } from '../../../../utils/i18n/i18n';
import {
  duplicateBuiltIn,
  roomForTemplate,
  tidyTemplate,
  withoutTemplate,
  withTemplate,
} from '../../../../utils/reflections/own-template-edits';
import {
  newId,
  type OwnTemplate,
  type TemplatePrefs,
} from '../../../../utils/reflections/own-templates';
import {
  knowTemplates,
  readTemplatePrefs,
} from '../../../../utils/reflections/own-templates-read-store';
import {
  updateTemplatePrefs,
  watchTemplatePrefs,
} from '../../../../utils/reflections/own-templates-store';
import { TRIGGERS, type Trigger } from '../../../../utils/reflections/reflection';
import {
  readTemplateFile,
  templateFile,
  templateFileName,
} from '../../../../utils/reflections/template-file';
import {
  type BuiltInTemplateId,
  TEMPLATE_IDS,
  TEMPLATES,
  type TemplateId,
} from '../../../../utils/reflections/templates';
import type { Settings } from '../../../../utils/settings/settings';
import { describeSettingsFailure } from '../../../../utils/settings/settings-failure';
import { updateSettings } from '../../../../utils/settings/settings-store';
import { DefaultChoice } from './DefaultChoice';
import { TemplateEditor } from './TemplateEditor';

export type Status = { ok: boolean; text: string } | null;

/** Nudges and the context menu: the triggers that open the popup with a template of their own. */
const NUDGE_TRIGGERS = TRIGGERS.filter((trigger) => trigger !== 'manual');

/**
 * Preferences → Templates: own templates (new, duplicated, imported from a file; edited,
 * saved as a file, deleted), the built-ins the popup offers, and the template each trigger
 * opens the popup with. Loaded only when Preferences shows it (its own chunk).
 */
export function TemplatesCard({
  settings,
  onStatus: setStatus,
}: {
  settings: Settings;
  /** What to say in the section's one live region (Preferences has it). */
  onStatus: (status: Status) => void;
}) {
  const [prefs, setPrefs] = useState<TemplatePrefs | null>(null);
  const [editing, setEditing] = useState<OwnTemplate | null>(null);
  const [copyFrom, setCopyFrom] = useState<BuiltInTemplateId>('quick');
  const titleId = useId();
  useEffect(() => {
    const show = (next: TemplatePrefs) => setPrefs(knowTemplates(next));
    void readTemplatePrefs().then(show);
    return watchTemplatePrefs(show);
  }, []);
  if (!prefs) return null;

  const change = async (next: (current: TemplatePrefs) => TemplatePrefs, done: string) => {
    setStatus(null);
    try {
      setPrefs(knowTemplates(await updateTemplatePrefs(next)));
      setStatus({ ok: true, text: done });
      return null;
    } catch (error) {
      const message = t('templatesSaveFailed', describeSettingsFailure(error));
      setStatus({ ok: false, text: message });
      return message;
    }
  };
  // A new template opens in the editor; it is counted once it is saved.
  const open = (template: OwnTemplate) => {
    const full = roomForTemplate(prefs);
    if (full) setStatus({ ok: false, text: full });
    else {
      setStatus(null);
      setEditing(template);
    }
  };
  const importFile = async (file: File) => {
    const read = readTemplateFile(await file.text(), Math.random);
    if (!read.ok) setStatus({ ok: false, text: read.message });
    else {
      open(read.template);
      if (!roomForTemplate(prefs))
        setStatus({ ok: true, text: t('templatesImported', read.template.name) });
    }
  };
  const setDefault = (trigger: Trigger, id: TemplateId | '') => {
    if (trigger === 'manual') {
      setStatus(null);
      void updateSettings((stored) => ({ ...stored, defaultTemplate: id || 'quick' })).then(
        () => setStatus({ ok: true, text: t('settingsSaved') }),
        (error) => setStatus({ ok: false, text: describeSettingsFailure(error) }),
      );
      return;
    }
    void change((current) => {
      const byTrigger = { ...current.byTrigger };
      if (id) byTrigger[trigger] = id;
      else delete byTrigger[trigger];
      return { ...current, byTrigger };
    }, t('settingsSaved'));
  };

  return (
    <section class="card prefs-card templates-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('templatesTitle')}</h3>
      <p class="muted small">{t('templatesHint')}</p>
      <h4>{t('templatesOwnHeading')}</h4>
      {prefs.own.length === 0 ? (
        <p class="muted">{t('templatesNone')}</p>
      ) : (
        <ul class="plain-list template-list">
          {prefs.own.map((template) => (
            <li key={template.id} class="row">
              <span>
                <strong>{template.name}</strong>{' '}
                <span class="muted small">
                  {t('templatesQuestionCount', formatNumber(template.questions.length))}
                </span>
              </span>
              <span class="card-actions">
                <button
                  type="button"
                  aria-label={t('templatesEditName', template.name)}
                  onClick={() => {
                    setStatus(null);
                    setEditing(template);
                  }}
                >
                  {t('templatesEdit')}
                </button>
                <button
                  type="button"
                  aria-label={t('templatesExportName', template.name)}
                  onClick={() =>
                    downloadBlob(
                      new Blob([templateFile(template)], { type: 'application/json' }),
                      templateFileName(template),
                    )
                  }
                >
                  {t('templatesExport')}
                </button>
                <button
                  type="button"
                  class="link danger"
                  aria-label={t('templatesDeleteName', template.name)}
                  onClick={() => {
                    if (editing?.id === template.id) setEditing(null);
                    void change(
                      (current) => withoutTemplate(current, template.id),
                      t('templatesDeleted', template.name),
                    );
                  }}
                >
                  {t('templatesDelete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <TemplateEditor
          key={editing.id}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSave={async (template) => {
            const message = await change(
              (current) => withTemplate(current, tidyTemplate(template)),
              t('templatesSaved'),
            );
            if (!message) setEditing(null);
            return message;
          }}
        />
      ) : (
        <div class="card-actions template-actions">
          <button
            type="button"
            onClick={() =>
              open({
                id: newId('own-', Math.random) as OwnTemplate['id'],
                name: t('templateNewName'),
                questions: [{ id: newId('q', Math.random), role: 'happened', text: '', hint: '' }],
              })
            }
          >
            {t('templatesNew')}
          </button>
          <label>
            <span class="visually-hidden">{t('templatesDuplicateFrom')}</span>
            <select
              value={copyFrom}
              onChange={(event) => setCopyFrom(event.currentTarget.value as BuiltInTemplateId)}
            >
              {TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(TEMPLATES[id].name)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => open(duplicateBuiltIn(copyFrom, Math.random))}>
            {t('templatesDuplicate')}
          </button>
          <label class="file-button">
            {t('templatesImport')}
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
      )}
      <fieldset class="choices">
        <legend>{t('templatesShownLegend')}</legend>
        <p class="muted small">{t('templatesShownHint')}</p>
        {TEMPLATE_IDS.map((id) => (
          <label class="check" key={id}>
            <input
              type="checkbox"
              checked={!prefs.hidden.includes(id)}
              onChange={(event) => {
                const shown = event.currentTarget.checked;
                void change(
                  (current) => ({
                    ...current,
                    hidden: shown
                      ? current.hidden.filter((h) => h !== id)
                      : [...current.hidden, id],
                  }),
                  t('settingsSaved'),
                );
              }}
            />
            {t(TEMPLATES[id].name)}
          </label>
        ))}
      </fieldset>
      <fieldset class="choices template-defaults">
        <legend>{t('templatesDefaultsLegend')}</legend>
        <p class="muted small">{t('templatesDefaultsHint')}</p>
        <DefaultChoice
          label={t('templatesManualDefault')}
          value={settings.defaultTemplate}
          onChoose={(id) => setDefault('manual', id)}
        />
        {NUDGE_TRIGGERS.map((trigger) => (
          <DefaultChoice
            key={trigger}
            label={triggerLabel(trigger)}
            value={prefs.byTrigger[trigger] ?? ''}
            withNone
            onChoose={(id) => setDefault(trigger, id)}
          />
        ))}
      </fieldset>
    </section>
  );
}
