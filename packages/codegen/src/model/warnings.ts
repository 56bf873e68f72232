import { appendPointer } from "../pointer.js";
import type { ApiModel } from "./model.js";

/**
 * A credential `createClient` offers that no operation sends: a user sets it and still gets a 401 with no hint
 * (a spec that defines a scheme but forgets the `security` requirement). The generator says so, naming the scheme.
 */
export function unusedCredentialWarnings(model: ApiModel): { pointer: string; message: string }[] {
  const used = new Set(model.operations.flatMap((operation) => operation.security.flat()));
  return model.credentials
    .filter((credential) => !used.has(credential.name))
    .map((credential) => ({
      pointer: appendPointer("/components/securitySchemes", credential.schemeName),
      message: `security scheme "${credential.schemeName}" is offered as the client option \`${credential.name}\`, but no operation requires it (no \`security\` requirement names it), so it is never sent; add it to the top-level \`security\` or to the operations that need it`,
    }));
}
