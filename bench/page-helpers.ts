/**
 * The code the app bench installs in the page (`window.__quarryBench`), kept apart from the
 * bench's Node side. It is a string: this project's TypeScript config has no DOM library, and a
 * string keeps the page's code out of the Node type check.
 */

/**
 * Installs `window.__quarryBench`:
 * - `clickToPaint(buttonSelector, done)` clicks the button and resolves with the ms from just
 *   before the click to the first task after the next animation frame once `done()` holds
 *   (checked on every DOM mutation), i.e. once the change is painted;
 * - `frames(ms, scrollSelector, pxPerFrame)` collects animation-frame deltas while scrolling;
 * - `armKey(done)` does as clickToPaint from the next Enter keydown, for typed runs;
 * - a reference button, text node and input for the references of 2, 3 and 5.
 */
export const INSTALL_HELPERS = `(() => {
  const clickToPaint = (buttonSelector, done) => new Promise((resolve, reject) => {
    const button = document.querySelector(buttonSelector);
    if (!button) return reject(new Error('no ' + buttonSelector));
    let finished = false;
    let started = 0;
    const check = () => {
      if (finished || !done()) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      reject(new Error('timed out: ' + buttonSelector));
    }, 20000);
    started = performance.now();
    button.click();
    check();
  });
  const frames = (ms, scrollSelector, pxPerFrame) => new Promise((resolve, reject) => {
    const scroller = scrollSelector ? document.querySelector(scrollSelector) : null;
    if (scrollSelector && !scroller) return reject(new Error('no ' + scrollSelector));
    const deltas = [];
    let first = null;
    let last = null;
    let direction = 1;
    let scrolled = 0;
    const step = (now) => {
      if (last !== null) deltas.push(now - last);
      if (first === null) first = now;
      last = now;
      if (scroller) {
        const max = scroller.scrollHeight - scroller.clientHeight;
        let next = scroller.scrollTop + direction * pxPerFrame;
        if (next >= max) { next = max; direction = -1; }
        if (next <= 0) { next = 0; direction = 1; }
        scrolled += Math.abs(next - scroller.scrollTop);
        scroller.scrollTop = next;
      }
      if (now - first < ms) requestAnimationFrame(step);
      else resolve({ deltas, scrolled, range: scroller ? scroller.scrollHeight - scroller.clientHeight : 0 });
    };
    requestAnimationFrame(step);
  });
  const ref = document.createElement('button');
  ref.id = 'quarry-bench-ref';
  ref.textContent = 'bench ref';
  ref.style.cssText = 'position:fixed;right:0;bottom:0;z-index:9999';
  const text = document.createTextNode('0');
  const span = document.createElement('span');
  span.id = 'quarry-bench-ref-text';
  span.style.cssText = 'position:fixed;right:80px;bottom:0;z-index:9999';
  span.appendChild(text);
  let clicks = 0;
  ref.addEventListener('click', () => { text.data = String(++clicks); });
  document.body.append(ref, span);
  // Typed runs: a capture listener notes the Enter key (before the app sees it); the promise
  // resolves once done() holds and the change is painted, as clickToPaint does.
  const armKey = (done) => {
    window.__quarryBench.pending = new Promise((resolve, reject) => {
      let started = null;
      let finished = false;
      const onKey = (event) => {
        if (started === null && event.key === 'Enter') started = performance.now();
      };
      const check = () => {
        if (finished || started === null || !done()) return;
        finished = true;
        observer.disconnect();
        window.removeEventListener('keydown', onKey, true);
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      };
      window.addEventListener('keydown', onKey, true);
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        reject(new Error('timed out: typed run'));
      }, 20000);
    });
  };
  const input = document.createElement('input');
  input.id = 'quarry-bench-ref-input';
  input.setAttribute('aria-label', 'bench ref input');
  input.style.cssText = 'position:fixed;right:160px;bottom:0;z-index:9999;width:60px';
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') text.data = String(++clicks);
  });
  document.body.append(input);
  window.__quarryBench = { clickToPaint, frames, armKey, refClicks: () => clicks };
})()`;
