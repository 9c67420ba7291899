/**
 * The Freshworks build's kit: Freshworks Crayons web components (fw-button, fw-inline-message, fw-skeleton,
 * fw-spinner), as Freshdesk draws its own controls. Only these four are bundled (Crayons' per-component build).
 */
import './crayons-icon';
import { createElement, forwardRef, useImperativeHandle, useLayoutEffect, useRef, type ReactNode } from 'react';
import { defineCustomElement as defineButton } from '@freshworks/crayons/dist/components/fw-button.js';
import { defineCustomElement as defineInlineMessage } from '@freshworks/crayons/dist/components/fw-inline-message.js';
import { defineCustomElement as defineSkeleton } from '@freshworks/crayons/dist/components/fw-skeleton.js';
import { defineCustomElement as defineSpinner } from '@freshworks/crayons/dist/components/fw-spinner.js';
import type { ButtonProps, UiKit } from './kit';
import './crayons.css';

defineButton();
defineInlineMessage();
defineSkeleton();
defineSpinner();

type Stencil = HTMLElement & { componentOnReady?: () => Promise<unknown> };

/**
 * Runs `then` once the component has rendered its shadow tree. Crayons' per-component build gives its elements no
 * `componentOnReady`, and renders a frame or more after the element is attached: without it, each frame looks again.
 */
function whenReady(el: Stencil, then: (el: Stencil) => void): () => void {
  let live = true;
  let frame = 0;
  const rendered = () => {
    if (!live) return;
    if (el.shadowRoot?.firstElementChild) then(el);
    else frame = requestAnimationFrame(rendered);
  };
  if (el.componentOnReady) void el.componentOnReady().then(() => { if (live) then(el); });
  else rendered();
  return () => { live = false; cancelAnimationFrame(frame); };
}

/**
 * The attributes that name and describe a button go on fw-button's own <button> inside its shadow root (on the host
 * they would name nothing). Id references (aria-controls, aria-describedby) cannot reach out of a shadow root, so
 * they are left off rather than pointing at nothing.
 */
const FORWARDED = ['aria-label', 'aria-expanded', 'aria-pressed'] as const;

export const Button: UiKit['Button'] = forwardRef<HTMLButtonElement, ButtonProps>(function Button(props, ref) {
  const { children, size, isPrimary, isBasic, isDanger, disabled, type = 'button', onClick } = props;
  const host = useRef<Stencil>(null);
  const aria = FORWARDED.map((name) => [name, props[name]] as const);
  const key = JSON.stringify(aria);
  useLayoutEffect(() => host.current ? whenReady(host.current, (el) => {
    const inner = el.shadowRoot?.querySelector('button');
    for (const [name, value] of aria) {
      if (value === undefined) inner?.removeAttribute(name);
      else inner?.setAttribute(name, String(value));
    }
  }) : undefined, [key]); // the attributes, by value
  // Callers only focus their buttons and ask whether they are disabled: focusing the host would focus nothing, so the
  // focus goes to the inner button.
  useImperativeHandle(ref, () => ({
    focus: () => { if (host.current) whenReady(host.current, (el) => el.shadowRoot?.querySelector('button')?.focus()); },
    get disabled() { return host.current?.hasAttribute('disabled') === true; },
  }) as HTMLButtonElement, []);
  const color = isDanger ? 'danger' : isPrimary ? 'primary' : isBasic ? 'text' : 'secondary';
  return createElement('fw-button', { ref: host, color, size: size === 'small' ? 'small' : 'normal', type, disabled: disabled ? '' : undefined, onClick }, children);
});

export const Anchor: UiKit['Anchor'] = ({ isExternal, externalIconLabel, children, ...link }) => (
  <a className="fw-link" {...link}>
    {children}
    {isExternal && externalIconLabel && <span className="visually-hidden"> {externalIconLabel}</span>}
  </a>
);

export const Notice: UiKit['Notice'] = ({ title, type = 'info', children }) => {
  const host = useRef<Stencil>(null);
  // fw-inline-message says every message as an alert; only an error interrupts the agent, the rest is a status.
  useLayoutEffect(() => host.current ? whenReady(host.current, (el) => el.setAttribute('role', type === 'error' ? 'alert' : 'status')) : undefined, [type]);
  return createElement('fw-inline-message', { ref: host, type, closable: 'false', class: 'notice' },
    <strong className="notice-title">{title}</strong>, children);
};

export const Skeleton: UiKit['Skeleton'] = ({ width, 'aria-label': label }) => {
  const bar = createElement('fw-skeleton', { width: width ?? '100%', height: '12px', 'margin-bottom': '6px' });
  return label ? <div role="status" aria-label={label}>{bar}</div> : bar;
};

export const Dots: UiKit['Dots'] = ({ 'aria-label': label }) => (
  <span className="dots">{createElement('fw-spinner', { size: 'small' })}{label && <span className="visually-hidden">{label}</span>}</span>
);

export const UiProvider: UiKit['UiProvider'] = ({ children }: { children: ReactNode }) => <>{children}</>;
