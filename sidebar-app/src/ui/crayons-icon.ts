/**
 * Crayons' fw-icon fetches its icons from a public CDN at run time. The app calls nothing outside the helpdesk and
 * its backend, so it defines fw-icon before any Crayons component loads (Crayons keeps a definition it finds): the
 * sign of a message's kind in a circle of its colour, drawn here.
 */
const SIGNS: Record<string, string> = { alert: '!', error: '!', warning: '!', info: 'i', success: '✓', cross: '×', 'chevron-down': '▾' };

class LocalIcon extends HTMLElement {
  static observedAttributes = ['name', 'color', 'size'];

  connectedCallback() { this.draw(); }

  attributeChangedCallback() { this.draw(); }

  private draw() {
    const size = Number(this.getAttribute('size')) || 12;
    const color = this.getAttribute('color') || 'currentColor';
    this.setAttribute('aria-hidden', 'true');
    this.style.cssText = `display:inline-flex;align-items:center;justify-content:center;width:${size}px;height:${size}px;`
      + `border-radius:50%;border:1.5px solid ${color};color:${color};font:700 ${Math.round(size * 0.7)}px/1 sans-serif;box-sizing:border-box`;
    this.textContent = SIGNS[this.getAttribute('name') ?? ''] ?? '';
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('fw-icon')) customElements.define('fw-icon', LocalIcon);
