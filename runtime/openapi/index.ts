/** The OpenAPI engine: load a document, look operations up, validate parameters, bodies and responses. */

export {
  type BootstrapPlan,
  type BootstrapPlanOptions,
  buildBootstrapPlan,
  type ExcludedOperation,
  type PlannedOperation,
  type PlanOperationOptions,
} from './bootstrap-plan.js';
export { type LoadOpenApiOptions, loadOpenApi, type ParseOpenApiOptions, parseOpenApi } from './load-openapi.js';
export { createOpenApiService, type OpenApiService, openApiKey } from './openapi-service.js';
export { type CreateOperationIndexOptions, createOperationIndex } from './operation-index.js';
export { type CreateOperationValidatorsOptions, createOperationValidators } from './operation-validators.js';
export type {
  ApiOperation,
  ApiParameter,
  ApiPayload,
  ApiRequestBody,
  ApiSuccessResponse,
  CoercedParams,
  JsonSchema,
  OpenApi,
  OpenApiDocument,
  OperationIndex,
  OperationMatch,
  OperationValidators,
  PageSizeLimits,
  ParameterLocation,
  RequestParams,
  Validation,
  ValidationIssue,
  ValidatorKind,
} from './types.js';
