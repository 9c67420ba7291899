import { describe, expect, it } from 'vitest';
import { classify } from '../src/lib/feedback/classify';
import { htmlToText } from '../src/lib/feedback/text';

const draft = `Hi Anna,

Thanks for getting in touch. Your Bridge needs a 2.4 GHz network: please give that band its own name and try the setup again.

Best regards,
Lumora Support`;

// What Zendesk's editor holds after comment.appendText of the draft.
const insertedAsHtml = '<p>Hi Anna,</p><p>Thanks for getting in touch. Your Bridge needs a 2.4&nbsp;GHz network: please give that band its own name and try the setup again.</p><p>Best regards,<br>Lumora Support</p>';

describe('feedback classifier', () => {
  it('counts a reply sent exactly as inserted as accepted', () => {
    expect(classify(draft, insertedAsHtml)).toEqual({ outcome: 'accepted' });
  });

  it('ignores editor whitespace and entity differences', () => {
    const html = '<div>Hi Anna,<br></div><div><br></div><div>Thanks for getting in touch. Your Bridge needs a 2.4 GHz network: please give that band its own name and try the setup again.</div><div><br></div><div>Best regards,<br>Lumora Support&nbsp;</div>';
    expect(classify(draft, html).outcome).toBe('accepted');
  });

  it('counts a changed reply as edited and carries the text that will be sent', () => {
    const html = insertedAsHtml.replace('try the setup again', 'restart the Lumora app before trying the setup again');
    const result = classify(draft, html);
    expect(result.outcome).toBe('edited');
    expect(result.finalText).toContain('restart the Lumora app');
    expect(result.finalText).not.toContain('<p>');
  });

  it('counts added text around the draft as edited', () => {
    const html = `<p>Sorry for the wait!</p>${insertedAsHtml}`;
    expect(classify(draft, html).outcome).toBe('edited');
  });

  it('counts a draft deleted before sending as rejected with a reason', () => {
    const html = '<p>Hi Anna, I have passed this to our hardware team, who will call you tomorrow.</p>';
    expect(classify(draft, html)).toEqual({ outcome: 'rejected', reason: 'other', comment: 'removed before sending' });
  });

  it('counts an emptied reply box as rejected', () => {
    expect(classify(draft, '<p><br></p>').outcome).toBe('rejected');
  });

  it('turns editor HTML into the text an agent reads', () => {
    expect(htmlToText('<p>A &amp; B</p><ul><li>one</li><li>two</li></ul><p>x&#39;s &lt;tag&gt;</p>'))
      .toBe("A & B\n- one\n- two\nx's <tag>");
  });
});
