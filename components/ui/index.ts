// The form parts every form uses: one text field, select, checkbox, field
// error, form error box and button set. Import from "@/components/ui".
export { TextField } from "./text-field";
export { Select } from "./select";
export { Checkbox } from "./checkbox";
export { FieldError } from "./field-error";
export { ErrorBox } from "./error-box";
export { inputClass, labelClass, errorClass, primaryButton, secondaryButton, smallButton, dangerButton } from "./styles";
