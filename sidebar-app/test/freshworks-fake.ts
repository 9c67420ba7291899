// A Freshworks client for tests: Freshdesk's data objects, a record of every call, and the events the app listens to.
import type { FreshworksClient, FreshworksEvent, TemplateAnswer, TemplateOptions } from '../src/lib/host/freshworks/client';

export class FakeFreshworksClient implements FreshworksClient {
  calls: unknown[][] = [];
  listeners: { event: string; handler: (e: FreshworksEvent) => unknown; intercept: boolean }[] = [];
  /** The reply editor is closed: setValue on it fails, as in Freshdesk. */
  editorClosed = false;
  objects: Record<string, unknown> = {
    ticket: { id: 101, subject: 'Bridge offline after the update', requester_id: 3001, priority: 2, status: 2 },
    requester: { id: 3001, name: 'Anna Berg', email: 'anna@example.com', language: 'de' },
    loggedInUser: { id: 2001, contact: { name: 'Sam Agent', email: 'sam@example.com', language: 'fr' }, signature: null },
  };
  /** How templates answer: by default 200 with `{}`. */
  answer: (name: string, options: TemplateOptions) => Promise<TemplateAnswer> = async () => ({ status: 200, headers: { 'content-type': 'application/json' }, response: '{}' });

  data = {
    get: async (name: 'ticket' | 'requester' | 'loggedInUser') => {
      this.calls.push(['data.get', name]);
      return { [name]: this.objects[name] };
    },
  };

  interface = {
    trigger: async (action: string, options: Record<string, unknown>) => {
      this.calls.push(['interface.trigger', action, options]);
      if (this.editorClosed && action === 'setValue' && options.id === 'editor') throw { message: 'The editor is not open' };
      return { success: true };
    },
  };

  request = {
    invokeTemplate: async (name: string, options: TemplateOptions) => {
      this.calls.push(['request.invokeTemplate', name, options]);
      return this.answer(name, options);
    },
  };

  events = {
    on: (event: string, handler: (e: FreshworksEvent) => unknown, options?: { intercept?: boolean }) => {
      this.listeners.push({ event, handler, intercept: options?.intercept === true });
    },
  };

  instance = { resize: (size: { height: string }) => { this.calls.push(['instance.resize', size]); } };

  /** Fires an event as Freshdesk does; resolves with how an intercepting listener let it go on. */
  fire(event: string, data: unknown): Promise<'done' | 'failed'> {
    return new Promise((resolve) => {
      for (const l of this.listeners.filter((x) => x.event === event)) {
        void l.handler({ type: event, helper: { getData: () => data, done: () => resolve('done'), fail: () => resolve('failed') } });
      }
    });
  }

  triggered(action?: string) {
    return this.calls.filter((c) => c[0] === 'interface.trigger' && (!action || c[1] === action)).map((c) => c.slice(1));
  }
}
