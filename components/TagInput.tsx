import { t } from '../utils/i18n/i18n';
import { normalizeTag, normalizeTags } from '../utils/reflections/reflection';

interface Props {
  id: string;
  tags: string[];
  /** What is typed but not yet a tag; kept by the caller so it is never lost. */
  text: string;
  suggestions: readonly string[];
  error?: string;
  onChange: (tags: string[], text: string) => void;
}

/**
 * Tags as removable chips, typed with suggestions from earlier tags; Enter or comma adds.
 * Text left in the box is not turned into a chip on blur (the layout shift would swallow the
 * click that caused the blur); the caller counts it as a tag when saving.
 */
export function TagInput({ id, tags, text, suggestions, error, onChange }: Props) {
  const commit = (raw: string) => {
    const tag = normalizeTag(raw);
    onChange(tag ? normalizeTags([...tags, tag]) : tags, '');
  };
  const onInput = (value: string) => {
    if (!value.includes(',')) return onChange(tags, value);
    // Typing or pasting "a, b, c": everything before the last comma becomes tags.
    const parts = value.split(',');
    const rest = parts.pop() ?? '';
    onChange(normalizeTags([...tags, ...parts]), rest.trimStart());
  };
  const listId = `${id}-suggestions`;
  const unused = suggestions.filter((s) => !tags.includes(s));
  return (
    <div class="field">
      <label for={id}>{t('tagsLabel')}</label>
      <div class="tags">
        {tags.length > 0 && (
          <ul class="chips">
            {tags.map((tag) => (
              <li key={tag} class="chip">
                <span>{tag}</span>
                <button
                  type="button"
                  aria-label={t('tagsRemove', tag)}
                  onClick={() =>
                    onChange(
                      tags.filter((t) => t !== tag),
                      text,
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          type="text"
          list={listId}
          value={text}
          placeholder={tags.length === 0 ? t('tagsPlaceholder') : ''}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && text.trim()) {
              event.preventDefault();
              commit(text);
            } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
              onChange(tags.slice(0, -1), '');
            }
          }}
        />
        <datalist id={listId}>
          {unused.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
