/**
 * `{ ...base, ...fields }` for main-process code, built with Object.assign (a spread followed by
 * more properties keeps every object alive through V8's young-generation collections on Node 20:
 * see eslint.config.js) and typed as the spread would be: a field in `fields` replaces the one in
 * `base`, type and all, where Object.assign alone would type it as the intersection of both.
 */
export function withFields<T extends object, U extends object>(base: T, fields: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, fields) as Omit<T, keyof U> & U;
}
