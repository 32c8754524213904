import type { ChangeEvent, FocusEvent, Ref } from "react";
import { describedBy } from "./fieldIds";
import { FieldMessages } from "./FieldMessages";

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
  description?: string;
  error?: string | undefined;
  rows?: number;
  readOnly?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** "l" for the note editor: full width and tall. */
  size?: "m" | "l";
}

/** Label, optional description and error, then a textarea. */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  onBlur,
  description,
  error,
  rows = 3,
  readOnly = false,
  textareaRef,
  size = "m",
}: TextAreaFieldProps) {
  const ids = describedBy(id, description, error);
  return (
    <div className={`form-field${error ? " form-field--invalid" : ""}`}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages {...ids} description={description} error={error} />
      <textarea
        ref={textareaRef}
        id={id}
        name={id}
        className={`textarea textarea--${size}`}
        value={value}
        rows={rows}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          onChange(event.target.value);
        }}
        onBlur={onBlur}
      />
    </div>
  );
}
