// Types for the edtf package's random string generator (edtf/sample), which the date differential test uses.
declare module 'edtf/sample' {
  export function sample(options?: {
    count?: number;
    level?: 0 | 1 | 2;
    type?: 'Date' | 'Year' | 'Season' | 'Interval' | 'Decade' | 'Century' | 'Set' | 'List';
  }): Generator<string>;
}
