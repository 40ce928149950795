import { formatDateTime } from '../utils/i18n/format';
import { formatNumber, plural, t } from '../utils/i18n/i18n';
import { questionLabel } from '../utils/reflections/question-label';
import type { Reflection } from '../utils/reflections/reflection';
import { answerKeyOf } from '../utils/reflections/two-versions';

/** Choices shown at once; the rest come up as these are made. */
const SHOWN = 3;

interface Props {
  /** Reflections with a choice waiting (`conflicts`), newest first. */
  waiting: readonly Reflection[];
  onKeep: (id: string, field: string, text: string) => void;
}

/** The first words of a version, to tell the two buttons apart for a screen reader. */
const opening = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

/**
 * "Edited on two devices — keep which?": an answer changed differently on two devices is kept
 * in both versions (sync never picks one by clock); here the person picks.
 */
export function TwoVersions({ waiting, onKeep }: Props) {
  if (waiting.length === 0) return null;
  const more = waiting.length - SHOWN;
  return (
    <section class="two-versions" aria-labelledby="two-versions-title">
      <h2 id="two-versions-title">{t('twoVersionsTitle')}</h2>
      <p class="muted hint">{t('twoVersionsHint')}</p>
      {waiting.slice(0, SHOWN).map((r) =>
        (r.conflicts ?? []).map((conflict) => {
          const question = questionLabel(r.template, answerKeyOf(conflict), r.prompt, r.wording);
          return (
            <fieldset key={`${r.id}/${conflict.field}`} class="two-versions-choice">
              <legend>
                {question} <span class="muted">· {formatDateTime(r.createdAt)}</span>
              </legend>
              <div class="two-versions-pair">
                {conflict.versions.map((text) => (
                  <div key={text} class="two-versions-one">
                    <p>{text}</p>
                    <button
                      type="button"
                      onClick={() => onKeep(r.id, conflict.field, text)}
                      aria-label={t('twoVersionsKeepLabel', question, opening(text))}
                    >
                      {t('twoVersionsKeep')}
                    </button>
                  </div>
                ))}
              </div>
            </fieldset>
          );
        }),
      )}
      {more > 0 && (
        <p class="muted hint">
          {t(plural(more, 'twoVersionsMoreOne', 'twoVersionsMoreOther'), formatNumber(more))}
        </p>
      )}
    </section>
  );
}
