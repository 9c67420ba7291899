// Freshworks request templates (config/requests.json): their `<%= iparam.x %>` and `<%= context.x %>` placeholders,
// and a template made into the request Freshworks' proxy would send. Used by the package validator and by the browser
// test's stand-in for Freshworks.

const PLACEHOLDER = /<%=\s*([^%]*?)\s*%>/g;
const NAMED = /^(iparam|context)\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** Every placeholder in a value: `{ scope: 'iparam' | 'context', name }`, or `{ invalid: text }` for any other expression. */
export function placeholders(value) {
  return [...String(value).matchAll(PLACEHOLDER)].map(([, expression]) => {
    const m = NAMED.exec(expression);
    return m ? { scope: m[1], name: m[2] } : { invalid: expression };
  });
}

/** The value with its placeholders filled from `values` ({ iparam: {...}, context: {...} }); a missing value is an error. */
export function fill(value, values) {
  return String(value).replace(PLACEHOLDER, (whole, expression) => {
    const m = NAMED.exec(expression.trim());
    if (!m) throw new Error(`unsupported placeholder ${whole}`);
    const v = values[m[1]]?.[m[2]];
    if (v === undefined || v === null) throw new Error(`no value for ${m[1]}.${m[2]}`);
    return String(v);
  });
}

/** The request a template makes: `{ method, url, headers }`, its query values encoded as a browser would. */
export function requestOf(template, values) {
  const s = template.schema;
  const query = Object.entries(s.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(fill(v, values))}`).join('&');
  const url = `${s.protocol ?? 'https'}://${fill(s.host, values)}${fill(s.path ?? '/', values)}${query ? `?${query}` : ''}`;
  const headers = Object.fromEntries(Object.entries(s.headers ?? {}).map(([k, v]) => [k, fill(v, values)]));
  return { method: s.method, url, headers };
}
