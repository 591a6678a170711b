// web/glue/quick_hide.js: quick hide and discreet mode. Ctrl+Shift+H (and the shell's Hide button, through
// web/main.cpp) locks the vault or covers the screen (toward_quick_hide, web/exports.cpp) and empties every
// text field; discreet mode gives the tab a plain title and icon. Included with --pre-js after
// text_fields.js; adds TowardGlue.quickHide and TowardGlue.setDiscreet.
'use strict';

(function (glue) {
  const state = glue.state;

  // Ctrl+Shift+H, caught at the document in the capture phase so that a focused text field cannot
  // swallow it (no text field uses it). The vault locks, or without one a neutral page covers the screen.
  function quickHide() {
    if (!state.started) return;
    if (state.crashed) {
      // After a crash nothing can be stored any more: the words leave the screen but stay in their fields
      // (pressing it again brings them back), so a plain copy or "Copy my words" still has them.
      document.body.classList.toggle('hidden-after-crash');
      return;
    }
    const url = UTF8ToString(Module._toward_quick_hide_url());
    Module._toward_quick_hide();
    glue.text.clearAll();
    // The chosen page replaces this one only once everything is stored (the screen is already hidden);
    // if storing fails, Toward stays, locked or covered, so that nothing is lost.
    if (url) glue.flush().then(() => window.location.replace(url), () => {});
  }
  document.addEventListener('keydown', (e) => {
    if (e.code === 'KeyH' && e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      quickHide();
    }
  }, true);
  const neutralIcon = 'data:image/svg+xml,' + encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="4" y="4" width="24" height="24" rx="5" fill="#9a9a9a"/></svg>');
  // A plain title and icon while the vault is in discreet mode, and while quick hide's cover is on (without
  // a vault) until "Continue". A flag in localStorage (which says no more than vault.json does) lets the
  // next visit look plain as soon as the glue runs, before the app has started; only the vault's choice
  // (`remember`) is kept there, never the cover.
  function setDiscreet(on, remember) {
    document.title = on ? 'Notes' : 'Toward';
    // What a screen reader says of the page is neutral too (it read "Toward" from these under the cover).
    ['app', 'canvas'].forEach((id) => { const el = document.getElementById(id); if (el) el.setAttribute('aria-label', on ? 'Notes' : 'Toward'); });
    document.querySelectorAll('link[rel="icon"]').forEach((link) => {
      if (!link.dataset.own) link.dataset.own = link.getAttribute('href');
      link.setAttribute('href', on ? neutralIcon : link.dataset.own);
    });
    try {
      if (remember) localStorage.setItem('toward.discreet', '1'); else localStorage.removeItem('toward.discreet');
    } catch (e) { /* storage refused: the app sets the title once it starts */ }
  }
  try { if (localStorage.getItem('toward.discreet') === '1') setDiscreet(true, true); } catch (e) { /* see above */ }

  glue.quickHide = quickHide;
  glue.setDiscreet = setDiscreet;
})(TowardGlue);
