/**
 * Plain words for what can be wrong with a sync setup, kept apart from the rules so the
 * background never loads setup messages. Pure (t() is the one read pure code may do).
 */
import { t } from '../i18n/i18n';
import type { AddressFault } from './server-address';

const ADDRESS_MESSAGES: Readonly<Record<AddressFault, () => string>> = {
  empty: () => t('syncAddressEmpty'),
  'not-url': () => t('syncAddressNotUrl'),
  scheme: () => t('syncAddressScheme'),
  insecure: () => t('syncAddressInsecure'),
  credentials: () => t('syncAddressCredentials'),
  extra: () => t('syncAddressExtra'),
  'no-database': () => t('syncAddressNoDatabase'),
  'database-name': () => t('syncAddressDatabaseName'),
};

/** What to say under the address field. */
export function addressProblem(fault: AddressFault): string {
  return ADDRESS_MESSAGES[fault]();
}
