interface FieldMessagesProps {
  descriptionId: string | undefined;
  description: string | undefined;
  errorId: string | undefined;
  error: string | undefined;
}

/** The description under a label, then the error when there is one. */
export function FieldMessages({ descriptionId, description, errorId, error }: FieldMessagesProps) {
  return (
    <>
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
    </>
  );
}
