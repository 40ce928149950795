import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { applyTheme } from '../../../utils/core/theme';
import { type MessageKey, t } from '../../../utils/i18n/i18n';
import {
  offeredTemplates,
  type TemplateId,
  templateOf,
} from '../../../utils/reflections/templates';
import type { CaptureSettings, Theme } from '../../../utils/settings/capture-settings';
import type { Settings } from '../../../utils/settings/settings';
import { describeSettingsFailure } from '../../../utils/settings/settings-failure';
import { getSettings, updateSettings, watchSettings } from '../../../utils/settings/settings-store';

/** The preferences this section owns; the others live beside the feature they tune. */
type Preference = keyof Pick<CaptureSettings, 'theme' | 'defaultTemplate' | 'attachPageByDefault'>;

const THEMES: ReadonlyArray<readonly [Theme, MessageKey]> = [
  ['system', 'prefsThemeSystem'],
  ['light', 'prefsThemeLight'],
  ['dark', 'prefsThemeDark'],
];

/** Where the settings that are not here live, so nobody has to hunt for them. */
const ELSEWHERE: ReadonlyArray<readonly [string, MessageKey, MessageKey]> = [
  ['nudges', 'sectionNudges', 'prefsElsewhereNudges'],
  ['follow-through', 'sectionFollowThrough', 'prefsElsewhereFollow'],
  ['data', 'sectionData', 'prefsElsewhereData'],
];

/**
 * The settings page's "Preferences" section: the colour scheme, and how the popup starts (its
 * template, whether the page is attached). Every change is saved and applied at once.
 */
export function Preferences({ lockCard }: { lockCard?: VNode }) {
  const [settings, setLocal] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Writes run one after another: two quick clicks each merge into what the other stored.
  const writes = useRef(Promise.resolve());
  useEffect(() => {
    void getSettings().then(setLocal);
    return watchSettings(setLocal);
  }, []);
  if (!settings) return null;

  const save = <K extends Preference>(key: K, value: Settings[K]) => {
    setLocal((shown) => shown && { ...shown, [key]: value });
    // The page shows the new colours before storage answers: the choice is felt at once.
    if (key === 'theme') applyTheme(document.documentElement, value as Theme);
    // Clear first, so a second save in a row is announced again.
    setStatus(null);
    writes.current = writes.current.then(async () => {
      try {
        // One field into what is stored now, under the settings lock: a change made in
        // another tab or by the background is not undone.
        await updateSettings((stored) => ({ ...stored, [key]: value }));
        setStatus({ ok: true, text: t('settingsSaved') });
      } catch (error) {
        // Show what is really stored, so the page never claims a choice that was not kept.
        setStatus({ ok: false, text: describeSettingsFailure(error) });
        const stored = await getSettings().catch(() => null);
        if (stored) {
          setLocal(stored);
          applyTheme(document.documentElement, stored.theme);
        }
      }
    });
  };

  return (
    <section aria-labelledby="prefs-title" class="prefs">
      <h2 id="prefs-title">{t('prefsTitle')}</h2>
      <p class="muted prefs-intro">{t('prefsIntro')}</p>
      <Card title={t('prefsLookTitle')} hint={t('prefsLookHint')}>
        <fieldset class="choices">
          <legend>{t('prefsTheme')}</legend>
          {THEMES.map(([theme, label]) => (
            <label class="check" key={theme}>
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings.theme === theme}
                onChange={() => save('theme', theme)}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
      </Card>
      <Card title={t('prefsWritingTitle')} hint={t('prefsWritingHint')}>
        <fieldset class="choices">
          <legend>{t('prefsDefaultTemplate')}</legend>
          {/* Own templates too (options/main.tsx made them known before the first render). */}
          {offeredTemplates(settings.defaultTemplate).map((id) => (
            <TemplateChoice
              key={id}
              id={id}
              checked={settings.defaultTemplate === id}
              onChoose={() => save('defaultTemplate', id)}
            />
          ))}
        </fieldset>
        <AttachPage
          checked={settings.attachPageByDefault}
          onChange={(on) => save('attachPageByDefault', on)}
        />
      </Card>
      <LazyTemplates settings={settings} onStatus={setStatus} />
      {lockCard}
      {/* Empty, the live region takes no room but stays in the accessibility tree: a message
          added to a region that was display: none a moment before goes unannounced. */}
      <div role="status" class={status ? (status.ok ? 'muted' : 'error') : 'visually-hidden'}>
        {status && <p>{status.text}</p>}
      </div>
      <nav class="card prefs-elsewhere" aria-labelledby="prefs-elsewhere-title">
        <h3 id="prefs-elsewhere-title">{t('prefsElsewhereTitle')}</h3>
        <ul>
          {ELSEWHERE.map(([section, name, about]) => (
            <li key={section}>
              <a href={`#/${section}`}>{t(name)}</a>
              <span class="muted"> — {t(about)}</span>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}

type TemplatesCardType = typeof import('./templates/TemplatesCard').TemplatesCard;

/** Preferences → Templates, in a chunk of its own: loaded when Preferences is shown. */
function LazyTemplates(props: Parameters<TemplatesCardType>[0]) {
  const [Card, setCard] = useState<TemplatesCardType | null>(null);
  useEffect(() => {
    void import('./templates/TemplatesCard').then((m) => setCard(() => m.TemplatesCard));
  }, []);
  return Card ? <Card {...props} /> : null;
}

function TemplateChoice({
  id,
  checked,
  onChoose,
}: {
  id: TemplateId;
  checked: boolean;
  onChoose: () => void;
}) {
  const hintId = useId();
  const template = templateOf(id);
  return (
    <div class="choice">
      <label class="check">
        <input
          type="radio"
          name="default-template"
          value={id}
          checked={checked}
          aria-describedby={template.hint ? hintId : undefined}
          onChange={onChoose}
        />
        {t(template.name)}
      </label>
      {template.hint && (
        <p class="muted small choice-hint" id={hintId}>
          {t(template.hint)}
        </p>
      )}
    </div>
  );
}

function AttachPage({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const hintId = useId();
  return (
    <div class="choice">
      <label class="check switch">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {t('prefsAttachPage')}
      </label>
      <p class="muted small choice-hint" id={hintId}>
        {t('prefsAttachPageHint')}
      </p>
    </div>
  );
}

function Card({
  title,
  hint,
  children,
}: {
  title: string;
  hint: string;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <section class="card prefs-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="muted small">{hint}</p>
      {children}
    </section>
  );
}
