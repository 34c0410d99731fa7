import { type BuiltCall, type FormValue, formToCall, parameterPointer, sentParameters } from './form-value.js';
import { isAtOrUnder } from './json-pointer.js';
import type { Components, FieldError, ListedOperation } from './types.js';
import { validateValue } from './validate-value.js';

/**
 * The call the form describes, its `errors` every problem the browser can see before sending it, at the pointers the
 * server would use.
 */
export function validateForm(operation: ListedOperation, components: Components, value: FormValue): BuiltCall {
  const built = formToCall(operation, value);
  const found: FieldError[] = [];
  for (const parameter of sentParameters(operation)) {
    const pointer = parameterPointer(parameter);
    const given = built.params[parameter.in as 'path'][parameter.name];
    if (given === undefined) {
      if (parameter.required) found.push({ pointer, message: 'is required' });
    } else found.push(...validateValue(parameter.schema, given, components, pointer));
  }
  const { requestBody } = operation;
  if (requestBody && built.body === undefined) {
    if (requestBody.required) found.push({ pointer: '/body', message: 'is required' });
  } else if (requestBody) found.push(...validateValue(requestBody.schema, built.body, components, '/body'));
  // A box that holds broken JSON says so; what its absence implies below it ("is required") would only distract.
  const unparsed = built.errors.map((error) => error.pointer);
  const rest = found.filter((error) => !unparsed.some((pointer) => isAtOrUnder(error.pointer, pointer)));
  return { ...built, errors: [...built.errors, ...rest] };
}
