// A small stand-in for the demo tenant's Zendesk, for the smoke run before the backend's own
// demo mode exists: users, ticket search, tickets and comments in Zendesk's wire shapes,
// from the demo data file (or two built-in tickets when it has none). 127.0.0.1 only.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const SAMPLE = {
  users: [
    { id: 2000, name: 'Ingrid Halvorsen', email: 'ingrid@lumora-home.example', role: 'admin', locale: 'en-US' },
    { id: 2001, name: 'Tomás Ribeiro', email: 'tomas@lumora-home.example', role: 'agent', locale: 'en-US' },
    { id: 1001, name: 'Emily Carter', email: 'emily@example.com', role: 'end-user', locale: 'en-US' },
  ],
  tickets: [
    { id: 101, subject: 'Hallway bulb strobing on night light setting', status: 'open', requester_id: 1001, created_at: '2026-09-03T19:42:00Z', updated_at: '2026-09-04T08:00:00Z',
      comments: [{ id: 5001011, author_id: 1001, public: true, created_at: '2026-09-03T19:42:00Z', html_body: '<p>The hallway bulb flickers at 3% brightness.</p>' }] },
  ],
};

export function loadDemoData(path) {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    return data.tickets?.length ? data : { ...data, tickets: SAMPLE.tickets, users: [...(data.users ?? []), ...SAMPLE.users.filter((u) => u.role === 'end-user')] };
  } catch {
    return SAMPLE;
  }
}

export async function startFakeHelpdesk(data) {
  const users = new Map(data.users.map((u) => [u.id, u]));
  const shapeUser = (u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, custom_role_id: u.custom_role_id ?? null, locale: u.locale ?? 'en-US', active: true });
  const shapeTicket = (t) => ({ id: t.id, subject: t.subject, raw_subject: t.subject, status: t.status, requester_id: t.requester_id, created_at: t.created_at, updated_at: t.updated_at, result_type: 'ticket' });
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (status, body) => { res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }); res.end(JSON.stringify(body)); };
    if (!req.headers.authorization) return send(401, { error: "Couldn't authenticate you" });
    const path = url.pathname.replace(/\.json$/, '');
    let m;
    if ((m = path.match(/^\/api\/v2\/users\/(\d+)$/))) {
      const u = users.get(Number(m[1]));
      return u ? send(200, { user: shapeUser(u) }) : send(404, { error: 'RecordNotFound' });
    }
    if (path === '/api/v2/users') {
      const roles = url.searchParams.getAll('role[]');
      return send(200, { users: data.users.filter((u) => !roles.length || roles.includes(u.role)).map(shapeUser), meta: { has_more: false }, links: { next: null } });
    }
    if (path === '/api/v2/search') {
      const tickets = [...data.tickets].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
      return send(200, { results: tickets.map(shapeTicket), count: tickets.length, next_page: null });
    }
    if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)$/))) {
      const t = data.tickets.find((x) => x.id === Number(m[1]));
      return t ? send(200, { ticket: shapeTicket(t), users: [users.get(t.requester_id)].filter(Boolean).map(shapeUser) }) : send(404, { error: 'RecordNotFound' });
    }
    if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/comments$/))) {
      const t = data.tickets.find((x) => x.id === Number(m[1]));
      if (!t) return send(404, { error: 'RecordNotFound' });
      return send(200, { comments: t.comments.map((c) => ({ ...c, type: 'Comment', body: c.html_body.replace(/<[^>]+>/g, ''), plain_body: c.html_body.replace(/<[^>]+>/g, '') })), meta: { has_more: false }, links: { next: null } });
    }
    return send(404, { error: 'InvalidEndpoint' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}
