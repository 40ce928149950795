import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top, so a woken worker hears its event.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the review page explains what Fail Well does and how to write the first lesson.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
