import type { ChangeEvent } from "react";
import { describedBy } from "./fieldIds";
import { FieldMessages } from "./FieldMessages";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  description?: string;
  error?: string | undefined;
  disabled?: boolean;
  /** Lay label and select out for a toolbar (filters) instead of a form column. */
  compact?: boolean;
}

/** Label, optional description and error, then a native select. */
export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  description,
  error,
  disabled = false,
  compact = false,
}: SelectFieldProps) {
  const ids = describedBy(id, description, error);
  return (
    <div
      className={`form-field${compact ? " form-field--compact" : ""}${error ? " form-field--invalid" : ""}`}
    >
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages {...ids} description={description} error={error} />
      <select
        id={id}
        name={id}
        className="select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
