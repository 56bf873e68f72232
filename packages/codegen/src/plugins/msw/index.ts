import type { Emitter } from "../../emit/emitter.js";
import { emitMocks, MOCK_DATA } from "./emit-mocks.js";

/** The msw major the mock runtime is written against. */
const MSW_RANGE = "^3.0.0";

/**
 * `msw`: request handlers for every operation, on the package's `./mocks` subpath (`import { handlers } from
 * "<package>/mocks"`). msw is an optional peer dependency: the client itself still imports nothing.
 */
export const mswPlugin: Emitter = {
  name: "msw",
  summary: "MSW 3 request handlers per operation, paging as the API pages, on the ./mocks subpath",
  builtIn: false,
  // Module-scope names of src/mocks/index.ts next to the handler factories, which take the operations' names.
  reservedNames: ["handlers", "mockHandler", MOCK_DATA],
  emit: emitMocks,
  package: () => ({ exports: { "./mocks": "mocks/index" }, peerDependencies: { msw: MSW_RANGE } }),
};
