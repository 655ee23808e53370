declare module '*.woff2' {
  const url: string;
  export default url;
}
declare module '*.md' {
  const source: string;
  export default source;
}
