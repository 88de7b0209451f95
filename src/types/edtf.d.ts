declare module 'edtf' {
  const edtf: (text: string) => any;
  export default edtf;
  export const Interval: new (...args: any[]) => any;
  export const Season: new (...args: any[]) => any;
  export const Year: new (...args: any[]) => any;
  export const Date: new (...args: any[]) => any;
}
