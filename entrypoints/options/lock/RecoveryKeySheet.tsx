import { useState } from 'preact/hooks';
import { copyText } from '../../../utils/core/clipboard';
import { formatDateTime } from '../../../utils/i18n/format';
import { t } from '../../../utils/i18n/i18n';

/**
 * The recovery key, shown once right after the lock is made: big, monospaced, printable (the
 * print stylesheet shows this sheet alone) and copyable. It is never stored in the clear, so
 * once dismissed nobody can show it again.
 */
export function RecoveryKeySheet({
  recoveryKey,
  madeAt,
  onDone,
}: {
  recoveryKey: string;
  madeAt: number;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="card recovery-sheet" aria-labelledby="recovery-title">
      <h3 id="recovery-title">{t('lockRecoveryTitle')}</h3>
      <p class="print-only">{t('lockRecoveryPrintedFor', formatDateTime(madeAt))}</p>
      <p class="recovery-key" aria-describedby="recovery-hint">
        <code translate={false}>{recoveryKey}</code>
      </p>
      <p class="muted small" id="recovery-hint">
        {t('lockRecoveryHint')}
      </p>
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('lockRecoveryPrint')}
        </button>
        <button type="button" onClick={async () => setCopied(await copyText(recoveryKey))}>
          {t('lockRecoveryCopy')}
        </button>
        <button type="button" class="primary" onClick={onDone}>
          {t('lockRecoveryDone')}
        </button>
      </div>
      <p role="status" class="muted small">
        {copied ? t('lockRecoveryCopied') : ''}
      </p>
    </section>
  );
}
