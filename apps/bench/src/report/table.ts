/** A titled table of strings, rendered as text or Markdown. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Notes printed under the table. */
  notes: string[];
}
