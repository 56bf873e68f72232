/**
 * A stand-in for the types openapi-typescript emits, shaped like its real output for one operation with a path
 * parameter, query parameters, a paginated JSON success and a JSON error. It exists so the templates type-check.
 */
export interface operations {
  operation_id: {
    parameters: {
      query?: { limit?: number; after?: string | null; before?: string | null };
      header?: never;
      path: { thing_id: string };
      cookie?: never;
    };
    // `draft` and `voice.speed` have a `default` in the spec: openapi-typescript makes them required, the body type
    // makes them optional.
    requestBody?: {
      content: { "application/json": { name: string; draft: boolean; voice: { speed: number } } };
    };
    responses: {
      200: {
        headers: { [name: string]: unknown };
        content: {
          "application/json": {
            data: { id: string; name: string }[];
            has_more: boolean;
            last_id: string | null;
          };
        };
      };
      404: {
        headers: { [name: string]: unknown };
        content: { "application/json": { message: string } };
      };
    };
  };
}
