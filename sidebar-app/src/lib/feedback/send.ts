import { problemOf } from '../api/client';
import type { FeedbackEvent } from '../api/types';
import { isTransient, type SendResult } from './queue';

/**
 * One attempt at delivering a feedback event, as the queue needs it: delivered (2xx), worth another try later (no
 * answer, 5xx, 429, 408; a 401 after renewing the session), or refused for good with the backend's problem
 * (400, 404, 409, 422…), which the agent is shown instead of "saved".
 */
export function feedbackSender(post: (event: FeedbackEvent) => Promise<Response>, renewSession: () => Promise<unknown>) {
  return async (event: FeedbackEvent): Promise<SendResult> => {
    let response: Response;
    try {
      response = await post(event);
    } catch {
      return 'retry';
    }
    if (response.ok) return 'sent';
    // An expired session: renew it now, the queue's retry then goes through.
    if (response.status === 401) await renewSession().catch(() => undefined);
    return isTransient(response.status) ? 'retry' : { refused: await problemOf(response) };
  };
}
