/**
 * The client half of Apps Script's google.script.run, for sidebar pages the
 * emulator serves. It keeps the rules the real one has, so a page that works
 * here does not break on Google:
 *   - calls are asynchronous and return nothing; results come to handlers;
 *   - arguments must be JSON-like (primitives, arrays, plain objects) or a
 *     single <form>; a Date, function or DOM node fails the call;
 *   - a server exception reaches the failure handler as an Error;
 *   - every runner returned by withSuccessHandler / withFailureHandler /
 *     withUserObject is a new one, so handlers never leak between calls.
 * It is a string, not a module: it runs in the browser, inlined before any
 * page script, and must survive coverage tools rewriting the server's code.
 */
export const SHIM_SOURCE = String.raw`(function () {
  'use strict';
  var parentOrigin = location.origin;
  function tell(message) {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, parentOrigin);
  }
  function problem(value, path, seen) {
    if (value === null || value === undefined) return null;
    var t = typeof value;
    if (t === 'string' || t === 'boolean') return null;
    if (t === 'number') return null;
    if (t !== 'object') return path + ' is a ' + t;
    if (seen.indexOf(value) >= 0) return path + ' refers to itself';
    var tag = Object.prototype.toString.call(value);
    if (Array.isArray(value)) {
      seen.push(value);
      for (var i = 0; i < value.length; i++) {
        var p = problem(value[i], path + '[' + i + ']', seen);
        if (p) return p;
      }
      seen.pop();
      return null;
    }
    var proto = Object.getPrototypeOf(value);
    if (tag !== '[object Object]' || (proto !== null && Object.getPrototypeOf(proto) !== null)) {
      return path + ' is a ' + (tag === '[object Object]' ? 'class instance' : tag.slice(8, -1));
    }
    seen.push(value);
    for (var k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      var q = problem(value[k], path + '.' + k, seen);
      if (q) return q;
    }
    seen.pop();
    return null;
  }
  // Apps Script sends a lone form as { name: value } of its named controls.
  function formToObject(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if (el.type === 'file') throw new Error('File inputs are not supported by the emulator');
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'submit' || el.type === 'button' || el.type === 'reset') continue;
      if (el.tagName === 'SELECT' && el.multiple) {
        out[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      } else if (Object.prototype.hasOwnProperty.call(out, el.name)) {
        out[el.name] = [].concat(out[el.name], el.value);
      } else {
        out[el.name] = el.value;
      }
    }
    return out;
  }
  function later(fn) { setTimeout(fn, 0); }
  function fail(handlers, fnName, message) {
    var error = new Error(message);
    error.name = 'ScriptError';
    if (handlers.failure) handlers.failure(error, handlers.userObject);
    else console.error('google.script.run.' + fnName + ' failed with no failure handler:', error);
  }
  function call(handlers, fnName, args) {
    var list = Array.prototype.slice.call(args);
    if (list.length === 1 && typeof HTMLFormElement !== 'undefined' && list[0] instanceof HTMLFormElement) {
      try { list = [formToObject(list[0])]; }
      catch (e) { later(function () { fail(handlers, fnName, e.message); }); return; }
    }
    var bad = problem(list, 'argument', []);
    if (bad) {
      later(function () { fail(handlers, fnName, 'Invalid argument to ' + fnName + ': ' + bad.replace(/^argument\[(\d+)\]/, 'argument $1') + '. Only strings, numbers, booleans, null, arrays and plain objects (or one form) can be passed.'); });
      return;
    }
    var body = JSON.stringify({ fn: fnName, args: list });
    fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (res) {
        return res.text().then(function (text) {
          var data;
          try { data = JSON.parse(text); } catch (e) { data = { error: { message: 'The emulator answered ' + res.status + ' with something that is not JSON' } }; }
          if (!res.ok && !data.error) data = { error: { message: 'The emulator answered ' + res.status } };
          return data;
        });
      }, function (e) { return { error: { message: 'Could not reach the emulator: ' + e.message } }; })
      .then(function (data) {
        tell({ type: 'gas-emulator:ran', fn: fnName, ui: data.ui || null });
        if (data.error) fail(handlers, fnName, String(data.error.message));
        else if (handlers.success) handlers.success(data.result, handlers.userObject);
      });
  }
  function runner(handlers) {
    return new Proxy({}, {
      get: function (_target, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        if (prop === 'withSuccessHandler') return function (f) { return runner({ success: f, failure: handlers.failure, userObject: handlers.userObject }); };
        if (prop === 'withFailureHandler') return function (f) { return runner({ success: handlers.success, failure: f, userObject: handlers.userObject }); };
        if (prop === 'withUserObject') return function (o) { return runner({ success: handlers.success, failure: handlers.failure, userObject: o }); };
        return function () { call(handlers, prop, arguments); };
      },
    });
  }
  var g = (window.google = window.google || {});
  g.script = g.script || {};
  g.script.run = runner({});
  g.script.host = {
    origin: parentOrigin,
    close: function () { tell({ type: 'gas-emulator:close' }); },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} },
  };
})();`;

/** Puts the shim first in <head>, ahead of every script of the page. */
export function injectShim(html: string): string {
  const tag = `<script>\n${SHIM_SOURCE}\n</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length;
    return `${html.slice(0, at)}<head>${tag}</head>${html.slice(at)}`;
  }
  return tag + html;
}
