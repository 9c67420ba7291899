/**
 * The ICU message subset the app's translations use: `{name}` arguments and
 * `{count, plural, =0 {…} one {…} other {…}}` with `#` for the number, chosen by the locale's plural rules
 * (Intl.PluralRules) and the number written the locale's way (Intl.NumberFormat).
 */
export type Params = Record<string, string | number>;

export function format(message: string, params: Params, locale: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) { out += message.slice(i); break; }
    out += message.slice(i, open);
    const close = matching(message, open);
    out += argument(message.slice(open + 1, close), params, locale);
    i = close + 1;
  }
  return out;
}

function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

function argument(body: string, params: Params, locale: string): string {
  const [name, type, ...rest] = body.split(',');
  const value = params[name.trim()];
  if (type === undefined) return value === undefined ? `{${name.trim()}}` : typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  if (type.trim() !== 'plural') throw new Error(`Only plural arguments are supported: {${body}}`);
  const n = Number(value ?? 0);
  const cases = branches(rest.join(','));
  const chosen = cases.get(`=${n}`) ?? cases.get(new Intl.PluralRules(locale).select(n)) ?? cases.get('other') ?? '';
  return format(chosen, params, locale).replaceAll('#', new Intl.NumberFormat(locale).format(n));
}

function branches(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const key = text.slice(i, open).trim();
    const close = matching(text, open);
    map.set(key, text.slice(open + 1, close));
    i = close + 1;
  }
  return map;
}
