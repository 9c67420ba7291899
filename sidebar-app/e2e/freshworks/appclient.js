// Freshworks' app client as the browser test plays it: what `{{{appclient}}}` gives the app's page in Freshdesk,
// `app.initialized()` resolving with a client whose calls go to the ticket page around the frame (workspace.js)
// over postMessage, and whose event listeners that page fires (ticket.sendReply, intercepted: done / fail).
(() => {
  let next = 1;
  const pending = new Map();
  const listeners = new Map();
  const origin = location.origin;
  const call = (method, ...args) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    parent.postMessage({ fw: 'call', id, method, args }, origin);
  });
  addEventListener('message', (e) => {
    const m = e.data;
    if (e.source !== parent || e.origin !== origin || !m) return;
    if (m.fw === 'reply') {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (waiting) (m.ok ? waiting.resolve : waiting.reject)(m.value);
    } else if (m.fw === 'event') {
      const helper = {
        getData: () => m.data,
        done: () => parent.postMessage({ fw: 'done', id: m.id }, origin),
        fail: (message) => parent.postMessage({ fw: 'fail', id: m.id, message }, origin),
      };
      for (const handler of listeners.get(m.event) ?? []) handler({ type: m.event, helper });
    }
  });
  const client = {
    data: { get: (name) => call('data.get', name) },
    interface: { trigger: (action, options) => call('interface.trigger', action, options) },
    request: { invokeTemplate: (name, options) => call('request.invokeTemplate', name, options) },
    events: {
      on: (event, handler, options) => {
        listeners.set(event, [...(listeners.get(event) ?? []), handler]);
        void call('events.on', event, options ?? {});
      },
    },
    instance: { resize: (size) => call('instance.resize', size) },
  };
  window.app = { initialized: () => Promise.resolve(client) };
})();
