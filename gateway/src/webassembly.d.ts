// Node 20 runs WebAssembly, but TypeScript describes it in lib.dom only: what all-in-one.ts uses of it.
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
}
