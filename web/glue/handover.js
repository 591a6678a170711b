// web/glue/handover.js: Toward works in one tab at a time. A second tab asks the writer (over a
// BroadcastChannel) to save everything and step aside, then takes the writer lock (Web Locks) and reads
// what the other tab stored. Included with --pre-js after storage.js; adds TowardGlue.takeOver (the
// notice's "Continue here" button, web/index.html) and tells the module through toward_set_writer and
// toward_reload_store (web/exports.cpp).
'use strict';

(function (glue) {
  const state = glue.state;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('toward') : null;

  if (channel) {
    channel.onmessage = (ev) => {
      const msg = ev.data || {};
      // A tab still reading back what another tab stored (takeOver) steps aside once that read is in.
      if (msg.type === 'handover' && (state.writer || state.readingBack)) stepAside();
      // Asked back while this tab's own request still waits for the lock (the other tab has just let it go, and
      // the grant is on its way): the later click wins; this tab steps aside once it holds the lock and has
      // read. (The ask was dropped, this tab then wrote on, and the other waited behind its lock for good.)
      else if (msg.type === 'handover' && takeOverAbort) state.yieldAfterTakeOver = true;
      if (msg.type === 'handover-refused' && !state.writer) glue.showNotice('refused', msg.reason || '');
    };
  }

  function stepAside() {
    // A start still writing IndexedDB's whole read into the tree (storage.js startBeforeTheRead) finishes
    // that first: the tab steps aside with everything in it, not part way.
    (state.arrival || state.readingBack || Promise.resolve()).then(() => glue.flush()).then(() => {
      Module._toward_set_writer(0);
      state.writer = false;
      const release = state.releaseLock;
      state.releaseLock = null;
      glue.showNotice('moved');
      if (release) release();
    }, (err) => {
      channel.postMessage({ type: 'handover-refused', reason: String(err.message || err) });
    });
  }

  let takeOverAbort = null;
  function takeOver() {
    if (state.writer) return;
    state.yieldAfterTakeOver = false;
    glue.showNotice('asking');
    if (takeOverAbort) takeOverAbort.abort();
    takeOverAbort = new AbortController();
    navigator.locks.request(glue.LOCK, { signal: takeOverAbort.signal }, () => {
      const held = glue.holdLock();
      takeOverAbort = null;
      if (!state.started) {
        glue.startAsWriter();
      } else {
        // This tab ran before: read what the other tab saved, then write again. Until that read is in,
        // this tab is not the writer: what it holds is older than what is stored, and a flush (a blur, the
        // page hidden) or a look at it then would take the old words for the latest.
        state.writer = false;
        state.readingBack = glue.loadFromIndexedDB().then(() => {
          Module._toward_reload_store();
          Module._toward_set_writer(1);
          state.writer = true;
          glue.hideNotice();
          glue.wake();
        }, (err) => glue.showFatal('Toward could not read its storage (' + glue.describe(err) + '). Nothing was changed.'))
          .then(() => { state.readingBack = null; });
        if (state.yieldAfterTakeOver) stepAside();   // (it waits for the read)
      }
      state.yieldAfterTakeOver = false;
      return held;
    }).catch(() => { /* aborted: a new attempt replaced this one */ });
    if (channel) channel.postMessage({ type: 'handover' });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = glue.$('take-over');
    if (button) button.addEventListener('click', takeOver);
  });

  glue.takeOver = takeOver;
})(TowardGlue);
