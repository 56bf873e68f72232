import type { transformSchema as TransformSchema } from "openapi-typescript";
import type TypeScript from "typescript";

type Require = (id: string) => unknown;
type Transform = typeof TransformSchema;
type Context = Parameters<Transform>[1];

interface OperationObjectModule {
  default: (operation: unknown, options: { ctx: Context }) => TypeScript.TypeElement[];
  injectOperationObject: (operationId: string, operation: unknown, options: { ctx: Context }) => void;
}

interface TsHelpers {
  tsModifiers: (modifiers: { export?: boolean; readonly?: boolean }) => TypeScript.Modifier[];
  tsPropertyIndex: (index: string) => TypeScript.PropertyName;
}

/** The `operations` interface of one run, and its members until the run ends. */
interface Pending {
  readonly declaration: TypeScript.InterfaceDeclaration;
  readonly members: TypeScript.TypeElement[];
}

const pendingByFooter = new WeakMap<readonly TypeScript.Node[], Pending>();
/** The footers of our runs: any other caller of openapi-typescript in the process gets its own function. */
const ourFooters = new WeakSet<readonly TypeScript.Node[]>();
const INSTALLED = Symbol.for("@diga/codegen linear operations");

/**
 * openapi-typescript adds each operation to its `operations` interface by copying every member before it
 * (`members = createNodeArray([...members, next])`): quadratic in the operations, ~120 of the types stage's ~170 s
 * of CPU on Microsoft Graph beta's 22,000. Its path items call `injectOperationObject` through the module's exports,
 * so this puts in its place one that builds the same member (the same factory calls, in the same order) into a list,
 * and sets the interface's members once, when the transform returns. `transformSchema` is wrapped for that last step;
 * the types-equivalence test holds the output to `openapiTS()`'s.
 */
export function withLinearOperations(require: Require, ts: typeof TypeScript, transformSchema: Transform): Transform {
  const operationObject = require("./dist/transform/operation-object.cjs") as OperationObjectModule;
  const { tsModifiers, tsPropertyIndex } = require("./dist/lib/ts.cjs") as TsHelpers;
  const original = operationObject.injectOperationObject;
  const linear: typeof original & { [INSTALLED]?: true } = (operationId, operation, options) => {
    const footer = options.ctx.injectFooter;
    // The module is shared: `openapiTS()` called by anyone else in this process runs through here too.
    if (!ourFooters.has(footer)) return original(operationId, operation, options);
    let pending = pendingByFooter.get(footer);
    if (pending === undefined) {
      const declaration = ts.factory.createInterfaceDeclaration(tsModifiers({ export: true }), ts.factory.createIdentifier("operations"), undefined, undefined, []);
      footer.push(declaration);
      pending = { declaration, members: [] };
      pendingByFooter.set(footer, pending);
    }
    const type = operationObject.default(operation, options);
    pending.members.push(ts.factory.createPropertySignature(tsModifiers({ readonly: options.ctx.immutable }), tsPropertyIndex(operationId), undefined, ts.factory.createTypeLiteralNode(type)));
  };
  linear[INSTALLED] = true;
  if ((original as { [INSTALLED]?: true })[INSTALLED] !== true) operationObject.injectOperationObject = linear;
  return (schema, ctx) => {
    ourFooters.add(ctx.injectFooter);
    const nodes = transformSchema(schema, ctx);
    const pending = pendingByFooter.get(ctx.injectFooter);
    if (pending !== undefined) {
      // openapi-typescript assigns `members` the same way; the node is printed after this.
      (pending.declaration as { members: TypeScript.NodeArray<TypeScript.TypeElement> }).members = ts.factory.createNodeArray(pending.members);
      pendingByFooter.delete(ctx.injectFooter);
    }
    return nodes;
  };
}
