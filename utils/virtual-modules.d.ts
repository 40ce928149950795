/** Modules made at build time by Vite plugins (see scripts/). */
declare module 'virtual:worker-messages' {
  /** The worker's strings, by language ("en", "de"…). */
  const catalogues: Record<string, import('./i18n/message-format').Catalogue>;
  export default catalogues;
}
