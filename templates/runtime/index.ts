export { createRuntimeClient } from "./client.js";
export type { BaseClientOptions, BasicCredentials, Client, ClientDefaults, CredentialSource, CredentialSpec, Fetch } from "./client.js";
export { ApiError, ConnectionError, isApiError, SdkError } from "./errors.js";
export { request } from "./request.js";
export type { Endpoint, Params, ParamSpec, RequestInput, RequestOptions, ResponseKind } from "./request.js";
