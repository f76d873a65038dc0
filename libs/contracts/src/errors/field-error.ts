/** One problem with one input field; `field` is the dotted path as the client sent it (snake_case). */
export interface FieldError {
  field: string;
  message: string;
}
