import { SdkError } from "./errors.js";

/** Sets a header, refusing values with CR or LF: they would let a value smuggle in further headers. */
export function setHeader(headers: Headers, name: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new SdkError(`header "${name}" contains a line break, which is not allowed`);
  headers.set(name, value);
}
