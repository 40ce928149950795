/**
 * In-memory stand-ins for the extension APIs the WXT fake browser leaves unimplemented (idle,
 * context menus, permissions, downloads, opening the popup), installed on `fakeBrowser` so
 * the background's wiring runs unchanged. Each call starts them fresh.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

// biome-ignore lint/suspicious/noExplicitAny: listeners of every shape go through one fake event.
type Listener = (...args: any[]) => unknown;

/** An event like the browser's, whose `trigger` awaits every listener. */
export function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const i = listeners.indexOf(listener);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

export interface FakeExtras {
  /** Permissions the user has granted so far. */
  granted: Set<string>;
  /** What the user answers to the next permission prompt. */
  answer: { grant: boolean };
  /** Context menu entries by id. */
  menus: Map<string, { id: string; title: string; contexts: string[] }>;
  /** Pages opened as the prompt: 'popup' (toolbar popup) or the window's URL. */
  opened: string[];
  /** Whether `action.openPopup` works (no active window in a worker often means it does not). */
  popupAllowed: { value: boolean };
  downloads: Map<number, { id: number; url: string; filename: string }>;
  options: { opened: number };
}

const originalCreateWindow = fakeBrowser.windows.create.bind(fakeBrowser.windows);

/** Install the fakes on `fakeBrowser`; call after `fakeBrowser.reset()`. */
export function installFakeExtras(): FakeExtras {
  const extras: FakeExtras = {
    granted: new Set(),
    answer: { grant: false },
    menus: new Map(),
    opened: [],
    popupAllowed: { value: false },
    downloads: new Map(),
    options: { opened: 0 },
  };
  // biome-ignore lint/suspicious/noExplicitAny: the fake's types omit these namespaces' implementations.
  const fb = fakeBrowser as any;
  fb.idle = {
    setDetectionInterval: () => undefined,
    queryState: async () => 'active',
    onStateChanged: fakeEvent(),
  };
  fb.contextMenus = {
    create: (props: { id: string; title: string; contexts: string[] }) => {
      if (extras.menus.has(props.id))
        throw new Error(`Cannot create item with duplicate id ${props.id}`);
      extras.menus.set(props.id, props);
      return props.id;
    },
    removeAll: async () => extras.menus.clear(),
    onClicked: fakeEvent(),
  };
  // Host permissions ("https://host/*") share the set: an origin pattern never looks like a name.
  type Asked = { permissions?: string[]; origins?: string[] };
  const isOrigin = (p: string) => p.includes('://');
  fb.permissions = {
    getAll: async () => ({
      permissions: [...extras.granted].filter((p) => !isOrigin(p)),
      origins: [...extras.granted].filter(isOrigin),
    }),
    contains: async ({ permissions = [], origins = [] }: Asked) =>
      [...permissions, ...origins].every((p) => extras.granted.has(p)),
    request: async ({ permissions = [], origins = [] }: Asked) => {
      if (!extras.answer.grant) return false;
      for (const p of [...permissions, ...origins]) extras.granted.add(p);
      return true;
    },
    remove: async ({ permissions = [], origins = [] }: Asked) => {
      for (const p of [...permissions, ...origins]) extras.granted.delete(p);
      return true;
    },
    onAdded: fakeEvent(),
    onRemoved: fakeEvent(),
  };
  fb.downloads = {
    search: async ({ id }: { id: number }) => {
      const item = extras.downloads.get(id);
      return item ? [item] : [];
    },
    onChanged: fakeEvent(),
  };
  fb.webNavigation = { ...fb.webNavigation, onErrorOccurred: fakeEvent() };
  fb.action.openPopup = async () => {
    if (!extras.popupAllowed.value) throw new Error('Could not find an active browser window.');
    extras.opened.push('popup');
  };
  fb.windows.create = async (data: { url?: string }) => {
    extras.opened.push(String(data?.url));
    return originalCreateWindow(data);
  };
  // Chrome lists an open toolbar popup, and tabs showing the extension's pages, among the
  // extension's contexts.
  fb.runtime.getContexts = async (filter: { contextTypes?: string[] } = {}) => {
    const own = fakeBrowser.runtime.getURL('/');
    const tabs = (await fakeBrowser.tabs.query({}))
      .filter((tab) => tab.url?.startsWith(own))
      .map((tab) => ({
        contextType: 'TAB',
        tabId: tab.id,
        windowId: tab.windowId,
        documentUrl: tab.url,
      }));
    const popups = extras.opened
      .filter((p) => p === 'popup')
      .map(() => ({ contextType: 'POPUP', tabId: -1, windowId: -1 }));
    return [...popups, ...tabs].filter(
      (c) => !filter.contextTypes || filter.contextTypes.includes(c.contextType),
    );
  };
  fb.runtime.openOptionsPage = async () => {
    extras.options.opened += 1;
  };
  return extras;
}

/** Fire any fake event with loosely typed details (the tests pass only the fields that matter). */
export function fire(event: unknown, ...args: unknown[]): Promise<unknown> {
  return (event as { trigger: (...a: unknown[]) => Promise<unknown> }).trigger(...args);
}
