import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../../utils/i18n/i18n';
import { onReflectionsChanged } from '../../../utils/reflections/db-connection-store';
import { countReflections } from '../../../utils/reflections/db-store';
import type { LockView } from './lock-view';

/** Set once the offer was answered either way: it is made once, never again. */
export const LOCK_OFFERED_KEY = 'lock:offered';
/** The journal is worth protecting from this many reflections on. */
export const OFFER_FROM = 10;

/**
 * A gentle, one-time offer to lock the journal once it holds ten reflections: "Set up a lock"
 * leads to Preferences, "No, thanks" is remembered. Nothing shows while the lock is on.
 */
export function LockOffer({ lock }: { lock: LockView }) {
  const [show, setShow] = useState(false);
  const off = lock.status.value === 'off';
  useEffect(() => {
    if (!off) return;
    let live = true;
    const check = async () => {
      const [offered, count] = await Promise.all([
        browser.storage.local.get(LOCK_OFFERED_KEY),
        countReflections().catch(() => 0),
      ]);
      if (live) setShow(!offered[LOCK_OFFERED_KEY] && count >= OFFER_FROM);
    };
    void check();
    const stop = onReflectionsChanged(() => void check());
    return () => {
      live = false;
      stop();
    };
  }, [off]);

  if (!off || !show) return null;
  const answer = () => {
    setShow(false);
    void browser.storage.local.set({ [LOCK_OFFERED_KEY]: true });
  };
  return (
    <div class="notice lock-offer" role="status">
      <p>{t('lockOfferText')}</p>
      <button
        type="button"
        onClick={() => {
          answer();
          location.hash = '#/preferences';
        }}
      >
        {t('lockOfferYes')}
      </button>
      <button type="button" class="link" onClick={answer}>
        {t('lockOfferNo')}
      </button>
    </div>
  );
}
