import { PREVIEW_SOURCE, SIDEBAR_SOURCE, type SidebarMessage } from '../lib/host/preview-protocol';
import { textToHtml } from '../lib/feedback/text';
import './preview.css';

interface Listing { id: number; subject: string; status: string }
interface Agent { id: string; name: string; role: string }
/** A demo helpdesk the backend runs: Zendesk with Lumora Home, Freshdesk with Spokewise. */
interface DemoHelpdesk { helpdesk: string; name: string; company: string }
interface Comment { id: number; author: string; role: string; public: boolean; text: string; createdAt: string }
interface Thread {
  ticket: { id: number; subject: string; status?: string; priority?: string | null; tags?: string[]; requester: { name: string; email: string | null; locale: string | null } };
  comments: Comment[];
}
type HandoffStep = { kind: 'group'; groupId: number } | { kind: 'tags'; tags: string[] } | { kind: 'note'; text: string };
interface TriageWrite { priority?: string; tags: string[]; intentField?: { key: string; title: string; value: string; label: string; addsOption?: boolean } }
interface MacroEffect { macroId: number; comment?: string | null; commentPublic?: boolean; changes: { field: string; to?: string | null }[]; tagsAdded: string[]; tagsRemoved: string[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = $<HTMLIFrameElement>('sidebar');
const replyBox = $<HTMLDivElement>('reply-box');
const status = $<HTMLSpanElement>('submit-status');
let thread: Thread | null = null;
let agent: Agent | null = null;
let agents: Agent[] = [];
let nextEventId = 1;
const query = new URLSearchParams(window.location.search);
/** The agent's helpdesk locale (ZAF `currentUser.locale`): `?locale=de` on the page, or the language picker. */
let locale = query.get('locale') ?? 'en-US';
/** The demo helpdesk the workspace plays: `?helpdesk=freshdesk` on the page, or the helpdesk picker; empty: the backend's default. */
let helpdesk = query.get('helpdesk') ?? '';
const waitingSaves = new Map<number, () => void>();

/** A preview address for the chosen demo helpdesk. */
function demo(path: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  if (helpdesk) search.set('helpdesk', helpdesk);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<T>;
}

function post(message: unknown) {
  frame.contentWindow?.postMessage(message, window.location.origin);
}

// The sidebar's calls, answered the way Zendesk's workspace answers ZAF.
window.addEventListener('message', async (e: MessageEvent) => {
  if (e.origin !== window.location.origin || e.source !== frame.contentWindow) return;
  const msg = e.data as SidebarMessage;
  if (!msg || msg.source !== SIDEBAR_SOURCE) return;
  if ('replyTo' in msg) { waitingSaves.get(msg.replyTo)?.(); return; }
  const reply = (result?: unknown, error?: string) => post({ source: PREVIEW_SOURCE, replyTo: msg.id, result, error });
  switch (msg.method) {
    case 'getTicket': return thread ? reply({ id: thread.ticket.id, subject: thread.ticket.subject, requester: thread.ticket.requester }) : reply(undefined, 'No ticket open');
    case 'getCurrentUser': return reply({ id: agent?.id ?? '', name: agent?.name ?? '', locale });
    case 'getCommentText': return reply(replyBox.innerHTML);
    case 'appendText': replyBox.innerHTML += textToHtml(String(msg.args[0] ?? '')); return reply(true);
    case 'setCommentText': replyBox.innerHTML = String(msg.args[0] ?? ''); return reply(true);
    case 'applyMacro': applyMacro(msg.args[0] as MacroEffect); return reply(true);
    case 'applyTriage': applyTriage(msg.args[0] as TriageWrite); return reply(true);
    case 'takeStep': takeStep(msg.args[0] as HandoffStep); return reply(true);
    case 'resize': frame.style.height = `${Math.max(200, Number(msg.args[0]) || 0)}px`; return reply(true);
    default: return reply(undefined, `${msg.method} is not available in the preview`);
  }
});

/** As Zendesk's workspace applies a macro: its text into the reply, its field and tag changes onto the (unsaved) ticket. */
function applyMacro(effect: MacroEffect) {
  if (!thread) return;
  if (effect.comment) replyBox.innerHTML += textToHtml(effect.comment);
  for (const change of effect.changes) {
    if (change.field === 'status' && change.to) thread.ticket.status = change.to;
    if (change.field === 'priority' && change.to) thread.ticket.priority = change.to;
  }
  const tags = new Set(thread.ticket.tags ?? []);
  effect.tagsRemoved.forEach((t) => tags.delete(t));
  effect.tagsAdded.forEach((t) => tags.add(t));
  thread.ticket.tags = [...tags];
  renderFields();
}

/** As ZAF's ticket API: priority set, tags added, the intent's custom field set. */
function applyTriage(write: TriageWrite) {
  if (!thread) return;
  if (write.priority) thread.ticket.priority = write.priority;
  thread.ticket.tags = [...new Set([...(thread.ticket.tags ?? []), ...write.tags])];
  const field = write.intentField;
  if (field) {
    const chosen = field.addsOption ? (customFields.get(field.title) ?? []) : [];
    customFields.set(field.title, chosen.includes(field.label) ? chosen : [...chosen, field.label]);
  }
  renderFields();
}

/** The custom fields set on the (unsaved) ticket, by their titles: the values as agents see them. */
const customFields = new Map<string, string[]>();
let group: number | null = null;

/** As ZAF: the group assigned, tags added, the reply box switched to an internal note holding the text. */
function takeStep(step: HandoffStep) {
  if (!thread) return;
  if (step.kind === 'group') group = step.groupId;
  else if (step.kind === 'tags') thread.ticket.tags = [...new Set([...(thread.ticket.tags ?? []), ...step.tags])];
  else {
    $('reply-label').textContent = 'Internal note';
    replyBox.innerHTML += textToHtml(step.text);
  }
  renderFields();
}

function renderFields() {
  if (!thread) return;
  const t = thread.ticket;
  const custom = [...customFields].map(([title, v]) => ` · ${title}: ${v.join(', ')}`).join('') + (group ? ` · Group: ${group}` : '');
  $('ticket-fields').textContent = `Status: ${t.status ?? '–'} · Priority: ${t.priority ?? '–'} · Tags: ${(t.tags ?? []).join(', ') || '–'}${custom}`;
}

function renderThread() {
  if (!thread) return;
  renderFields();
  $('ticket-subject').textContent = `#${thread.ticket.id} ${thread.ticket.subject}`;
  const r = thread.ticket.requester;
  $('ticket-requester').textContent = `Requester: ${r.name}${r.email ? ` <${r.email}>` : ''}${r.locale ? ` · ${r.locale}` : ''}`;
  const list = $('thread');
  list.replaceChildren(...thread.comments.map((c) => {
    const li = document.createElement('li');
    if (!c.public) li.className = 'note';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = `${c.author} (${c.role})${c.public ? '' : ' · internal note'} · ${new Date(c.createdAt).toLocaleString()}`;
    li.append(who, document.createTextNode(c.text));
    return li;
  }));
}

let listings: Listing[] = [];

/** The latest ticket asked for: an earlier load that answers after it must not put its ticket in the frame. */
let opening = 0;

async function openTicket(id: number) {
  const mine = ++opening;
  replyBox.innerHTML = '';
  customFields.clear();
  group = null;
  $('reply-label').textContent = 'Public reply';
  status.textContent = '';
  try {
    const loaded = await getJson<Thread>(demo(`/preview/api/tickets/${id}`));
    if (mine !== opening) return;
    thread = loaded;
    renderThread();
  } catch (e) {
    if (mine !== opening) return;
    // The sidebar still opens: it only needs the ticket's id and subject from the workspace.
    const listing = listings.find((t) => t.id === id);
    thread = { ticket: { id, subject: listing?.subject ?? '', requester: { name: '', email: null, locale: null } }, comments: [] };
    renderThread();
    $('thread').textContent = `The conversation could not be loaded (${(e as Error).message}).`;
  }
  // Zendesk starts one app instance per open ticket; so does the preview.
  frame.src = demo('/preview/sidebar', { agent: agent?.id ?? '', ticket: String(id) });
}

/** Fires the save hooks, as Zendesk does before saving; waits for them, but not for long. */
function fireSave(): Promise<void> {
  const id = nextEventId++;
  return new Promise((resolve) => {
    const done = () => { waitingSaves.delete(id); resolve(); };
    waitingSaves.set(id, done);
    setTimeout(done, 5000);
    post({ source: PREVIEW_SOURCE, event: 'ticket.save', id });
  });
}

$<HTMLButtonElement>('submit').addEventListener('click', async () => {
  if (!thread || replyBox.textContent?.trim() === '') { status.textContent = 'Write a reply first.'; return; }
  status.textContent = 'Saving…';
  await fireSave();
  thread.comments.push({ id: Date.now(), author: agent?.name ?? 'Agent', role: 'agent', public: true, text: replyBox.innerText, createdAt: new Date().toISOString() });
  replyBox.innerHTML = '';
  renderThread();
  status.textContent = 'Reply submitted (preview: nothing is sent to a customer).';
  post({ source: PREVIEW_SOURCE, event: 'ticket.conversation.changed', id: nextEventId++ });
});

/** The chosen demo helpdesk's tickets and agents; opens its first ticket. */
async function loadHelpdesk(helpdesks: DemoHelpdesk[]) {
  const chosen = helpdesks.find((h) => h.helpdesk === helpdesk);
  $('workspace-hint').textContent = `A stand-in for ${chosen?.name ?? 'Zendesk'}'s agent workspace, with demo data${chosen ? ` (${chosen.company})` : ''}.`;
  $<HTMLAnchorElement>('dashboard-link').href = demo('/preview/dashboard', { locale });
  const [tickets, staff] = await Promise.all([getJson<Listing[]>(demo('/preview/api/tickets')), getJson<Agent[]>(demo('/preview/api/agents'))]);
  listings = tickets;
  agents = staff;
  $<HTMLSelectElement>('ticket-picker').replaceChildren(...tickets.map((t) => new Option(`#${t.id} ${t.subject} (${t.status})`, String(t.id))));
  $<HTMLSelectElement>('agent-picker').replaceChildren(...agents.map((a) => new Option(`${a.name} (${a.role})`, a.id)));
  agent = agents[0] ?? null;
  thread = null;
  if (tickets.length > 0) await openTicket(tickets[0].id);
  else {
    frame.removeAttribute('src');
    $('thread').replaceChildren();
    $('ticket-subject').textContent = 'The demo helpdesk has no tickets.';
  }
}

async function start() {
  // A backend that runs one demo helpdesk only (or answers no list) gets no switch.
  const helpdesks = await getJson<DemoHelpdesk[]>('/preview/api/helpdesks').catch((): DemoHelpdesk[] => []);
  if (!helpdesks.some((h) => h.helpdesk === helpdesk)) helpdesk = helpdesks[0]?.helpdesk ?? '';
  const helpdeskPicker = $<HTMLSelectElement>('helpdesk-picker');
  helpdeskPicker.replaceChildren(...helpdesks.map((h) => new Option(`${h.name} demo: ${h.company}`, h.helpdesk)));
  helpdeskPicker.value = helpdesk;
  $('helpdesk-choice').hidden = helpdesks.length < 2;
  // Switching helpdesk is opening another helpdesk's workspace: its tickets, its agents, its sidebar session.
  helpdeskPicker.addEventListener('change', () => {
    helpdesk = helpdeskPicker.value;
    const url = new URL(window.location.href);
    url.searchParams.set('helpdesk', helpdesk);
    window.history.replaceState(null, '', url);
    loadHelpdesk(helpdesks).catch((e: Error) => { $('ticket-subject').textContent = `The demo helpdesk could not be opened: ${e.message}`; });
  });
  const localePicker = $<HTMLSelectElement>('locale-picker');
  if (![...localePicker.options].some((o) => o.value === locale)) localePicker.add(new Option(locale, locale));
  localePicker.value = locale;
  // The helpdesk starts the app again when the agent changes their language; so does the preview.
  localePicker.addEventListener('change', () => {
    locale = localePicker.value;
    $<HTMLAnchorElement>('dashboard-link').href = demo('/preview/dashboard', { locale });
    if (thread) void openTicket(thread.ticket.id);
  });
  const ticketPicker = $<HTMLSelectElement>('ticket-picker');
  const agentPicker = $<HTMLSelectElement>('agent-picker');
  ticketPicker.addEventListener('change', () => void openTicket(Number(ticketPicker.value)));
  agentPicker.addEventListener('change', () => {
    agent = agents.find((a) => a.id === agentPicker.value) ?? null;
    if (thread) void openTicket(thread.ticket.id);
  });
  await loadHelpdesk(helpdesks);
}

start().catch((e: Error) => { $('ticket-subject').textContent = `The preview could not start: ${e.message}`; });
