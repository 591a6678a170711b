// web/glue/text_fields.js: the page's real text fields and file choosers, placed by C++ every frame over
// what ImGui drew (core/platform/platform_web.cpp: TextInputService and Platform::placeFilePicker), so that
// typing, spellcheck, IME, phone keyboards and the clipboard are the browser's own. Typed words go to
// toward_platform_text_input, Enter in a single-line field to toward_platform_text_submit, a picked file's
// bytes to toward_platform_file_picked. Included with --pre-js after storage.js; adds TowardGlue.text,
// TowardGlue.pickers and TowardGlue.pickFile. After a crash, typing goes to TowardRescue (rescue.js).
// [SECTION] text fields: real <textarea>/<input> elements over the canvas
// [SECTION] file choosers: one-off (pickFile) and placed over a drawn button (pickers)
'use strict';

(function (glue) {
  const state = glue.state;
  const call = glue.call;
  // The field's words to C++ through the heap (a paste may be megabytes: glue.textToHeap). Without memory
  // for them now, they stay in the field, and the next edit or blur tries again.
  function handOver(key, value) {
    const words = glue.textToHeap(value);
    if (words) call('toward_platform_text_input', null, ['string', 'number', 'number'], [key, words.ptr, words.size]);
  }

  // ------------------------------------------------------------------ [SECTION] text fields
  const text = {
    fields: new Map(),
    style: { bg: '#fbf9f6', fg: '#33302b', accent: '#3f7f7a', fontPx: 16 },
    layer() { return glue.$('text-layer'); },
    hex(n) { return '#' + (n >>> 0).toString(16).padStart(6, '0'); },
    setStyle(bg, fg, accent, fontPx) {
      this.style = { bg: this.hex(bg), fg: this.hex(fg), accent: this.hex(accent), fontPx };
      const root = document.documentElement.style;
      root.setProperty('--field-bg', this.style.bg);
      root.setProperty('--field-fg', this.style.fg);
      root.setProperty('--field-accent', this.style.accent);
      const meta = document.querySelector('meta[name="theme-color"]');
      if (meta) meta.setAttribute('content', this.style.bg);
    },
    create(key, multiline) {
      const wrap = document.createElement('div');
      wrap.className = 'field-clip';
      const el = document.createElement(multiline ? 'textarea' : 'input');
      if (!multiline) el.type = 'text';
      el.className = 'field';
      el.towardSent = '';   // the words C++ has from this field (handed over, or placed by it)
      // Named by its key, so that its place in the mirror can own it (a11y.js aria-owns), whenever it is made.
      el.id = 'field-' + key.replace(/[^A-Za-z0-9_-]/g, '-');
      // Tab moves through the fields and the mirror's controls in drawn order (web/glue/a11y.js onTab); the
      // browser's own order (the text layer after the mirror) would put every field after every control.
      el.tabIndex = -1;
      el.spellcheck = true;
      el.autocomplete = 'off';
      el.setAttribute('autocapitalize', 'sentences');
      el.addEventListener('input', () => {
        if (state.crashed) { TowardRescue.fieldChanged(); return; }
        el.towardSent = el.value;
        handOver(key, el.value);
        glue.wake();
      });
      el.addEventListener('blur', () => {
        // A focused field removed by endFrame() blurs synchronously, inside a frame: its text was already
        // handed over, and a flush here would draw a frame inside this one.
        if (text.removing || state.crashed) return;
        // Only words C++ has not had yet (a change with no input event): the same words handed over again
        // would count as typed, and in a tab that had just stepped aside for another (the app goes inert,
        // and the field blurs) they were stored over that tab's newer words when this one took over again.
        if (el.value !== el.towardSent) {
          el.towardSent = el.value;
          handOver(key, el.value);
        }
        glue.flushSoon();
      });
      el.addEventListener('focus', () => glue.wake());
      el.addEventListener('keydown', (e) => {
        // Escape never discards text: it only leaves the field.
        // The next Tab goes on from this field (a11y.js resumeAt), not from the top of the page.
        if (e.key === 'Escape') {
          e.preventDefault();
          if (glue.a11y) glue.a11y.leftField(key);
          el.blur();
          document.getElementById('canvas').focus();
        }
        // Enter in the unlock screen's passphrase field opens the vault.
        if (e.key === 'Enter' && key === 'vault/unlock' && !state.crashed) { e.preventDefault(); Module._toward_unlock_submit(); }
        // Enter in any other single-line field submits its form (the app decides what that means).
        else if (e.key === 'Enter' && !multiline && !e.isComposing && !state.crashed) {
          e.preventDefault();
          el.towardSent = el.value;
          handOver(key, el.value);
          call('toward_platform_text_submit', null, ['string'], [key]);
          glue.wake();
        }
      });
      wrap.appendChild(el);
      this.layer().appendChild(wrap);
      const field = { wrap, el, multiline, placed: false };
      this.fields.set(key, field);
      return field;
    },
    place(key, x, y, w, h, cx, cy, cw, ch, multiline, focus, fontPx, placeholder, label, value) {
      let f = this.fields.get(key);
      if (f && f.multiline !== multiline) { f.wrap.remove(); this.fields.delete(key); f = null; }
      if (!f) f = this.create(key, multiline);
      f.placed = true;
      const ws = f.wrap.style, es = f.el.style;
      ws.left = cx + 'px'; ws.top = cy + 'px'; ws.width = Math.max(0, cw) + 'px'; ws.height = Math.max(0, ch) + 'px';
      es.left = (x - cx) + 'px'; es.top = (y - cy) + 'px'; es.width = w + 'px'; es.height = h + 'px';
      es.fontSize = fontPx + 'px';
      if (f.el.placeholder !== placeholder) f.el.placeholder = placeholder;
      if (f.el.getAttribute('aria-label') !== label) f.el.setAttribute('aria-label', label);
      if (value !== null && f.el.value !== value) {
        const focused = document.activeElement === f.el;
        const start = f.el.selectionStart, end = f.el.selectionEnd;
        f.el.value = value;
        f.el.towardSent = value;
        if (focused) { try { f.el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length)); } catch (e) { /* */ } }
      }
      if (f.wrap.hidden) f.wrap.hidden = false;
      if (focus && document.activeElement !== f.el) f.el.focus({ preventScroll: true });
    },
    endFrame() {
      pickers.endFrame();
      // (no destructuring in for-of: Emscripten 3.1.6's minifier mangles it)
      this.fields.forEach((f, key) => {
        if (!f.placed) {
          // Forget the field first: handing over its text may blur it and draw a nested frame.
          this.fields.delete(key);
          const hadFocus = document.activeElement === f.el;
          const at = hadFocus ? f.wrap.getBoundingClientRect() : null;
          if (hadFocus && !f.secret) handOver(key, f.el.value);
          if (f.secret) f.el.value = '';
          this.removing = true;
          try { if (f.wrap.parentNode) f.wrap.remove(); } finally { this.removing = false; }
          // The keys were in it (the unlock screen's passphrase, an editor that closed): the mirror finds
          // where to carry on, as for a control that went away (the focus fell to the page's body).
          if (hadFocus && glue.a11y) glue.a11y.fieldGone(at);
        } else {
          f.placed = false;
        }
      });
    },
    // A passphrase field: dots, no spellcheck, no autofill or saving by the browser. Called after place().
    makePassword(key) {
      const f = this.fields.get(key);
      if (!f || f.el.type === 'password') return;
      f.el.type = 'password';
      f.el.spellcheck = false;
      f.el.autocomplete = 'new-password';
      f.el.setAttribute('autocapitalize', 'off');
      f.el.setAttribute('autocorrect', 'off');
      f.secret = true;
    },
    // A phone number: the number keypad on a phone (type tel), no spellcheck. Called after place().
    makePhone(key) {
      const f = this.fields.get(key);
      if (!f || f.el.type === 'tel') return;
      f.el.type = 'tel';
      f.el.inputMode = 'tel';
      f.el.spellcheck = false;
    },
    // A whole number: digits on a phone's keyboard, no spellcheck. Called after place().
    makeNumber(key) {
      const f = this.fields.get(key);
      if (!f || f.el.inputMode === 'numeric') return;
      f.el.inputMode = 'numeric';
      f.el.spellcheck = false;
      f.el.setAttribute('autocapitalize', 'off');
    },
    // Empties and removes every field at once (the vault locked, or quick hide covered the screen).
    clearAll() {
      let focusedAt = null;
      this.removing = true;
      try {
        this.fields.forEach((f) => {
          if (document.activeElement === f.el) focusedAt = f.wrap.getBoundingClientRect();
          f.el.value = '';
          if (f.wrap.parentNode) f.wrap.remove();
        });
      } finally { this.removing = false; }
      if (focusedAt && glue.a11y) glue.a11y.fieldGone(focusedAt);
      this.fields.clear();
      const layer = this.layer();
      if (layer) while (layer.firstChild) layer.removeChild(layer.firstChild);
      glue.clearPrintPage();
      // What the live region said goes too ("My safety plan", a note of the plan's): a screen reader could
      // still read it under the cover or the lock screen. What the lock says comes after, in its frame.
      const live = glue.$('a11y-live');
      if (live) live.textContent = '';
    },
    // Whether a field has the keys (`key`: that one).
    hasFocus(key) {
      const a = document.activeElement;
      if (key !== undefined) {
        const f = this.fields.get(key);
        return !!f && a === f.el;
      }
      return !!a && a.classList && a.classList.contains('field');
    },
  };

  // ------------------------------------------------------------------ [SECTION] file choosers
  // Hands a picked file's bytes (a Uint8Array, or null) to C++ (toward_platform_file_picked).
  function deliverFile(request, ok, name, bytes) {
    if (state.crashed) return;
    let ptr = 0;
    const size = bytes ? bytes.length : 0;
    if (ok && size > 0) {
      ptr = Module._toward_platform_alloc(size);
      if (!ptr) { ok = false; } else { HEAPU8.set(bytes, ptr); }
    }
    call('toward_platform_file_picked', null, ['number', 'number', 'string', 'number', 'number'],
      [request, ok ? 1 : 0, name || '', ptr, ok ? size : 0]);
    glue.wake();
  }
  function readFile(request, file) {
    file.arrayBuffer().then((buf) => deliverFile(request, true, file.name, new Uint8Array(buf)),
      () => deliverFile(request, false, file.name, null));
  }

  // Opens the browser's file chooser through a hidden <input type=file> (no inline script: CSP) and calls
  // chosen(file) once: the File picked, or null when the person cancelled. Also used by pictures.js.
  function chooseFile(accept, chosen) {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.hidden = true;
    let answered = false;
    const answer = (file) => {
      if (answered) return;
      answered = true;
      input.remove();
      chosen(file);
    };
    input.addEventListener('change', () => answer(input.files && input.files[0] ? input.files[0] : null));
    input.addEventListener('cancel', () => answer(null));
    document.body.appendChild(input);
    input.click();
  }

  // Lets the person pick a file, then hands its bytes to C++ (toward_platform_file_picked). Only the latest
  // request is answered there.
  function pickFile(request, accept) {
    chooseFile(accept, (file) => {
      if (file) readFile(request, file); else deliverFile(request, false, '', null);
    });
  }

  // File choosers over buttons the app drew (Platform::placeFilePicker): a real, invisible
  // <input type=file> exactly where the button is, so the chooser opens inside the click's own event.
  // Placed every frame; one not placed in a frame is removed at text.endFrame(). A cancelled choice
  // changes nothing and is not reported.
  const pickers = {
    items: new Map(),
    place(request, key, x, y, w, h, accept, label) {
      let p = this.items.get(key);
      if (!p) {
        const el = document.createElement('input');
        el.type = 'file';
        el.className = 'file-picker';
        el.addEventListener('change', () => {
          const file = el.files && el.files[0];
          if (file) readFile(p.request, file); else deliverFile(p.request, false, '', null);
          el.value = '';   // the same file can be chosen again
        });
        text.layer().appendChild(el);
        p = { el, request, placed: false };
        this.items.set(key, p);
      }
      p.request = request;
      p.placed = true;
      const es = p.el.style;
      es.left = x + 'px'; es.top = y + 'px'; es.width = Math.max(0, w) + 'px'; es.height = Math.max(0, h) + 'px';
      p.el.hidden = !(w > 0 && h > 0);
      if (p.el.accept !== accept) p.el.accept = accept;
      if (p.el.getAttribute('aria-label') !== label) { p.el.setAttribute('aria-label', label); p.el.title = label; }
    },
    endFrame() {
      this.items.forEach((p, key) => {
        if (!p.placed) { this.items.delete(key); p.el.remove(); } else { p.placed = false; }
      });
    },
  };

  glue.text = text;
  glue.pickers = pickers;
  glue.pickFile = pickFile;
  glue.chooseFile = chooseFile;
})(TowardGlue);
