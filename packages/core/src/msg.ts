/**
 * Marks a human-readable message (an error, a refusal reason, a warning): `` msg`No node ${path}.` ``
 * reads and behaves exactly like the plain template literal.
 *
 * The mark is for the production build: `scripts/prod-build.mjs` turns every `msg` template of the
 * compiled packages into a short coded form (`[wspeer 1k9x] /root/Main`: the message's code, then its
 * values), and the `production` export condition, which Vite and webpack set in production builds,
 * serves that build to browsers. So a shipped game carries no message texts; `docs/messages.md` maps
 * each code back to its text. Development builds, Node and the tests get the texts themselves.
 *
 * Only for messages: a text that goes on the wire (a close reason Godot shows) or that code compares
 * must stay a plain literal.
 */
export function msg(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0] as string;
  for (let i = 0; i < values.length; i++) text += `${values[i]}${strings[i + 1]}`;
  return text;
}
