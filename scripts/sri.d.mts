// Types for sri.mjs, which the TypeScript tests import.

/** The embed build's entry file. */
export const ENTRY: string;

/** The Subresource Integrity value (sha384) of some bytes. */
export function sri(bytes: Uint8Array | string): string;

/** Every file under `dir`, entry first, with raw and gzip sizes and its sha384 integrity. */
export function embedFiles(dir?: string): { file: string; raw: number; gzip: number; integrity: string }[];
