// The form parts every form uses: one text field (and its several-line
// TextArea), select, checkbox, radio, field error, form error box and button set. Import from "@/components/ui".
export { TextField } from "./text-field";
export { TextArea } from "./text-area";
export { Select } from "./select";
export { Checkbox } from "./checkbox";
export { Radio } from "./radio";
export { FieldError } from "./field-error";
export { ErrorBox } from "./error-box";
export { inputClass, labelClass, errorClass, primaryButton, secondaryButton, smallButton, dangerButton } from "./styles";
