// esbuild loads .svg files as text (see build/webapp-build.ts).
declare module '*.svg' {
  const markup: string;
  export default markup;
}
