// web/glue/field_scroll.js: a wheel turn or a swipe that starts on a text field scrolls the page under it,
// as on any web page, unless the field can scroll its own text that way first (a long textarea). The
// fields are DOM elements over the canvas (text_fields.js) and keep their events; this hands the ones
// meant for the page to the canvas, where SDL and ImGui read them (ImGui scrolls on the wheel, and
// ui::TouchScroll on a finger's drag). A tap on a field is left alone: it focuses the field as before.
// Included with --pre-js after text_fields.js.
'use strict';

(function (glue) {
  const kSwipePx = 10;   // a finger moved this far, mostly up or down: a scroll, not a tap

  function canvas() { return document.getElementById('canvas'); }
  function isField(t) { return !!t && !!t.classList && t.classList.contains('field'); }
  // True when `el` can still scroll its own text by `dy` (positive: further down).
  function scrollsItself(el, dy) {
    if (el.tagName !== 'TEXTAREA' || el.scrollHeight <= el.clientHeight + 1) return false;
    return dy > 0 ? el.scrollTop + el.clientHeight < el.scrollHeight - 1 : el.scrollTop > 0;
  }

  // ------------------------------------------------------------------ the wheel
  function onWheel(e) {
    if (!isField(e.target) || e.ctrlKey || scrollsItself(e.target, e.deltaY)) return;
    e.preventDefault();
    const c = canvas();
    const at = { clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY, bubbles: true, cancelable: true };
    // Where the pointer is, so ImGui scrolls the window under it (moves over a field never reach the canvas).
    c.dispatchEvent(new MouseEvent('mousemove', at));
    c.dispatchEvent(new WheelEvent('wheel', Object.assign({ deltaX: e.deltaX, deltaY: e.deltaY, deltaZ: e.deltaZ, deltaMode: e.deltaMode }, at)));
  }

  // ------------------------------------------------------------------ a finger
  let swipe = null;   // {id, x0, y0, el, forwarding, last}

  function touchAt(t, x, y) {
    return new Touch({ identifier: t.identifier, target: canvas(), clientX: x, clientY: y, pageX: x + window.scrollX,
                       pageY: y + window.scrollY, screenX: t.screenX, screenY: t.screenY });
  }
  function send(type, touch, ended) {
    const list = ended ? [] : [touch];
    try {
      canvas().dispatchEvent(new TouchEvent(type, { touches: list, targetTouches: list, changedTouches: [touch],
                                                     bubbles: true, cancelable: true }));
    } catch (err) {
      swipe = null;   // an engine without constructible touches: the field keeps its own behaviour
    }
  }
  function find(list, id) {
    for (let i = 0; i < list.length; i++) if (list[i].identifier === id) return list[i];
    return null;
  }
  function onTouchStart(e) {
    if (!isField(e.target) || e.touches.length !== 1) { swipe = null; return; }
    const t = e.touches[0];
    swipe = { id: t.identifier, x0: t.clientX, y0: t.clientY, el: e.target, forwarding: false, last: null };
  }
  function onTouchMove(e) {
    if (!swipe) return;
    const t = find(e.changedTouches, swipe.id);
    if (!t) return;
    const dx = t.clientX - swipe.x0, dy = t.clientY - swipe.y0;
    if (!swipe.forwarding) {
      if (Math.abs(dy) < kSwipePx || Math.abs(dy) < Math.abs(dx) || scrollsItself(swipe.el, -dy)) return;
      swipe.forwarding = true;
      send('touchstart', touchAt(t, swipe.x0, swipe.y0), false);
      if (!swipe) return;
    }
    e.preventDefault();
    swipe.last = touchAt(t, t.clientX, t.clientY);
    send('touchmove', swipe.last, false);
    glue.wake();
  }
  function onTouchEnd(e) {
    if (!swipe) return;
    const t = find(e.changedTouches, swipe.id);
    if (!t) return;
    if (swipe.forwarding) {
      e.preventDefault();   // the end of a scroll is not a tap on the field
      send(e.type, touchAt(t, t.clientX, t.clientY), true);
      glue.wake();
    }
    swipe = null;
  }

  glue.fieldScroll = {
    // Listens on the layer that holds every field (called once the page is there).
    attach() {
      const layer = glue.$('text-layer');
      if (!layer || layer.dataset.fieldScroll) return;
      layer.dataset.fieldScroll = '1';
      layer.addEventListener('wheel', onWheel, { passive: false });
      layer.addEventListener('touchstart', onTouchStart, { passive: true });
      layer.addEventListener('touchmove', onTouchMove, { passive: false });
      layer.addEventListener('touchend', onTouchEnd, { passive: false });
      layer.addEventListener('touchcancel', onTouchEnd, { passive: false });
    },
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => glue.fieldScroll.attach());
  else glue.fieldScroll.attach();
})(TowardGlue);
