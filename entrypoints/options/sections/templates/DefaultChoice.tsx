/**
 * One "start with this template" choice on the Templates card: the toolbar's default or a
 * trigger's, from the templates the popup offers (own ones, and built-ins not hidden).
 */
import { useId } from 'preact/hooks';
import { t } from '../../../../utils/i18n/i18n';
import {
  offeredTemplates,
  type TemplateId,
  templateOf,
} from '../../../../utils/reflections/templates';

export function DefaultChoice({
  label,
  value,
  withNone = false,
  onChoose,
}: {
  label: string;
  value: TemplateId | '';
  withNone?: boolean;
  onChoose: (id: TemplateId | '') => void;
}) {
  const id = useId();
  const ids = value ? offeredTemplates(value) : offeredTemplates('quick');
  return (
    <div class="field inline-field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChoose(event.currentTarget.value as TemplateId | '')}
      >
        {withNone && <option value="">{t('templatesDefaultNone')}</option>}
        {ids.map((templateId) => (
          <option key={templateId} value={templateId}>
            {t(templateOf(templateId).name)}
          </option>
        ))}
      </select>
    </div>
  );
}
