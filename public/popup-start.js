(() => {
  const d = document;
  // The side panel shows this page as popup.html?panel: it fills the panel (style.css).
  if (location.search === '?panel') d.documentElement.classList.add('panel');
  d.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !d.querySelector('#app [type=submit]'))
      d.body.dataset.saveAsked = '';
  });
  try {
    const s = JSON.parse(localStorage.getItem('fail-well:popup-start') || '{}');
    const name = /^[A-Za-z]\w{0,63}$/;
    const field = d.querySelector('#app textarea');
    const label = d.querySelector('#app .field label');
    if (s.theme === 'light' || s.theme === 'dark') d.documentElement.dataset.theme = s.theme;
    const words = (name.test(s.label) && chrome.i18n.getMessage(s.label)) || s.text;
    if (!words || !name.test(s.key) || !field || !label) return;
    field.id = `answer-${s.key}`;
    label.setAttribute('for', field.id);
    label.textContent = words;
    field.rows = s.rows === 2 ? 2 : 3;
  } catch {}
})();
