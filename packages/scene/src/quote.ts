/** Remote text in a refusal reason: at most `max` characters, then an ellipsis and the full length. */
export function quote(text: string, max = 64): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)`;
}
