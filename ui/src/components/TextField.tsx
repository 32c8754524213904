import type { ChangeEvent, Ref } from "react";

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password";
  autoComplete?: string;
  description?: string;
  error?: string | undefined;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Width hint for the input, in characters. */
  size?: "s" | "m" | "l";
  /** Extra class on the input, e.g. a stable selector for tests. */
  inputClassName?: string;
  /** Id of a datalist with suggestions. */
  list?: string;
}

/**
 * Label, optional description, the error message when there is one, then the input. The
 * description and the error are tied to the input with aria-describedby.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = "text",
  autoComplete,
  description,
  error,
  readOnly = false,
  inputRef,
  size = "l",
  inputClassName,
  list,
}: TextFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-field${error ? " form-field--invalid" : ""}`}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <p className="form-field__description" id={descriptionId}>
          {description}
        </p>
      )}
      {error && (
        <p className="form-field__error" id={errorId}>
          <span className="visually-hidden">Fout: </span>
          {error}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        name={id}
        className={`textbox textbox--${size}${inputClassName ? ` ${inputClassName}` : ""}`}
        type={type}
        value={value}
        autoComplete={autoComplete}
        list={list}
        spellCheck={type === "password" ? false : undefined}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
