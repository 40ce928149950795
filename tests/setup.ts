import { configure } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb } from '../utils/reflections/db-connection-store';
import { memoryStorage } from './helpers/memory-storage';
import { getMessageFrom, readCatalogue } from './i18n-fake';

const getMessage = getMessageFrom(readCatalogue('en'));

// `findBy…` and `waitFor` wait up to 5 s, not 1 s: on a shared, loaded CI machine a page's
// IndexedDB round trips can take over a second, and a slow machine must not fail a test.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  fakeBrowser.reset();
  if (typeof window === 'undefined') {
    // Node has no localStorage; the popup's pages do (the lock's hint lives there). Named
    // reads (`localStorage[key]`) as a browser's Storage allows.
    const store = memoryStorage();
    globalThis.localStorage = new Proxy(store, {
      get: (target, key) =>
        key in target ? Reflect.get(target, key) : (target.getItem(String(key)) ?? undefined),
    });
  } else {
    localStorage.clear();
  }
  // The fake browser leaves i18n unimplemented: answer from the English catalogue.
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  await closeDb();
});
