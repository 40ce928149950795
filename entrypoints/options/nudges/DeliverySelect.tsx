/**
 * How a trigger's nudge arrives (badge or notification). Shared by the cards.
 */
import { useId } from 'preact/hooks';
import { t } from '../../../utils/i18n/i18n';
import type { Delivery } from '../../../utils/nudges/nudge-settings';

/** The badge-or-notification choice for one trigger. */
export function DeliverySelect({
  value,
  onChange,
}: {
  value: Delivery;
  onChange: (value: Delivery) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('nudgesDelivery')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Delivery)}>
        <option value="badge">{t('nudgesDeliveryBadge')}</option>
        <option value="notification">{t('nudgesDeliveryNotification')}</option>
      </select>
    </div>
  );
}
