/**
 * Our own session, which the backend wrote into the page after verifying Zendesk's signed
 * load (or, in the local preview, minted for a demo agent). It proves tenant and agent.
 */
export class Session {
  constructor(private token: string, private readonly refreshUrl = '/sidebar/session', private readonly fetchImpl: typeof fetch = (...a) => fetch(...a)) {}

  static fromPage(doc: Document = document): Session | null {
    const token = doc.querySelector<HTMLMetaElement>('meta[name="copilot-session"]')?.content ?? '';
    return token && !token.startsWith('%') ? new Session(token) : null;
  }

  current(): string {
    return this.token;
  }

  /** Seconds until expiry, from the token's own `exp`. */
  secondsLeft(now = Date.now()): number {
    try {
      const payload = JSON.parse(atob(this.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return Math.floor(payload.exp - now / 1000);
    } catch {
      return 0;
    }
  }

  /** Trades the current session for a fresh one; false when the backend says sign in again. */
  async refresh(): Promise<boolean> {
    try {
      const response = await this.fetchImpl(this.refreshUrl, { method: 'POST', headers: { Authorization: `Bearer ${this.token}` } });
      if (!response.ok) return false;
      this.token = (await response.json()).token;
      return true;
    } catch {
      return false;
    }
  }
}

export function pageMeta(name: string, doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}
