// The `edtf` package ships no type declarations; Chronicle uses only its parser.
declare module 'edtf' {
  export interface ParseConstraints {
    level?: 0 | 1 | 2 | 3;
    types?: string[];
  }
  /** Parses EDTF text into a plain description ({ type, values, … }); throws on invalid input. */
  export function parse(input: string, constraints?: ParseConstraints): unknown;
}
