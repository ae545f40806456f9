/**
 * Notebook parameters (papermill's convention, in TypeScript): what `quarry run -p` /
 * `--params-file` and the app's replay form inject. The pieces live in `parameter-*.ts`; this is
 * the module the rest of the code imports.
 */
export {
  ParameterError,
  type ParameterAssignment,
  type ParameterType,
  type ParameterValue,
} from './parameter-value';
export {
  parseParameterArgument,
  parseParametersFile,
  type ParameterMode,
} from './parameter-arguments';
export { parseParameterInput } from './parameter-input';
export { declaredParameters, type DeclaredParameter } from './parameter-declarations';
export { parameterLiteral } from './parameter-literal';
export {
  INJECTED_PARAMETERS_COMMENT,
  INJECTED_PARAMETERS_TAG,
  PARAMETERS_TAG,
  findParametersCell,
  injectParameters,
} from './parameter-injection';
