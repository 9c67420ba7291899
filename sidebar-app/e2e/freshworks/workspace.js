// Freshdesk's ticket page around the app's frame, as the browser test plays it: the data objects (ticket, requester,
// loggedInUser — /objects.json, Spokewise's, for ?ticket= and ?user=), the interface actions (the reply editor,
// properties, notes, notifications; each kept in window.fwCalls), request templates (Freshworks' proxy, played by the
// test: window.copilotInvokeTemplate), and the Send button, which fires ticket.sendReply to the app's intercepting
// listener and waits for its done. The app's frame loads once the objects are there.
const frame = document.getElementById('sidebar');
const replyBox = document.getElementById('reply-box');
const objects = await (await fetch(`/objects.json${location.search}`)).json();
document.getElementById('ticket-subject').textContent = objects.ticket?.subject ?? 'No such ticket';
const properties = {};
window.fwCalls = [];
window.fwListeners = [];
frame.src = '/app/index.html';

const actions = {
  'data.get': (name) => {
    if (!(name in objects)) throw { message: `${name} is not available on this page` };
    return { [name]: objects[name] };
  },
  'interface.trigger': (action, options) => {
    window.fwCalls.push({ action, options });
    if (action === 'setValue' && options.id === 'editor') replyBox.innerHTML = options.replace ? options.text : replyBox.innerHTML + options.text;
    else if (action === 'click' && options.id === 'reply') replyBox.innerHTML = options.text ?? '';
    else if (action === 'click' && options.id === 'note') document.getElementById('notes').insertAdjacentHTML('beforeend', options.text ?? '');
    else if (action === 'showNotify') document.getElementById('toasts').insertAdjacentHTML('beforeend', `<p>${options.type}: ${options.message}</p>`);
    else if (action === 'setValue') {
      properties[options.id] = options.value;
      document.getElementById('properties').textContent = Object.entries(properties).map(([k, v]) => `${k}: ${v}`).join(', ');
    } else throw { message: `${action} ${options.id} is not played by this page` };
    return { success: true };
  },
  'request.invokeTemplate': async (name, options) => {
    const { ok, answer } = await window.copilotInvokeTemplate(name, options);
    if (!ok) throw answer;
    return answer;
  },
  'events.on': (event, options) => { window.fwListeners.push({ event, intercept: options.intercept === true }); return true; },
  'instance.resize': ({ height }) => { frame.style.height = height; return true; },
};

const sends = new Map();
let nextEvent = 1;
addEventListener('message', async (e) => {
  const m = e.data;
  if (e.source !== frame.contentWindow || e.origin !== location.origin || !m) return;
  if (m.fw === 'call') {
    const answer = (ok, value) => frame.contentWindow.postMessage({ fw: 'reply', id: m.id, ok, value }, location.origin);
    try {
      answer(true, await actions[m.method](...m.args));
    } catch (value) {
      answer(false, value);
    }
  } else if (m.fw === 'done' || m.fw === 'fail') {
    sends.get(m.id)?.(m.fw);
    sends.delete(m.id);
  }
});

document.getElementById('send').addEventListener('click', async () => {
  const status = document.getElementById('send-status');
  if (!window.fwListeners.some((l) => l.event === 'ticket.sendReply' && l.intercept)) { status.textContent = 'Reply sent'; return; }
  const id = nextEvent++;
  const settled = new Promise((resolve) => sends.set(id, resolve));
  frame.contentWindow.postMessage({ fw: 'event', event: 'ticket.sendReply', id, data: { body: replyBox.innerHTML } }, location.origin);
  status.textContent = (await settled) === 'done' ? 'Reply sent' : 'Reply held by the app';
  replyBox.innerHTML = '';
});
