import { useState, type SubmitEvent } from "react";
import { FormActions } from "../../components/FormActions";
import { TextField } from "../../components/TextField";
import type { EmployerContact } from "../../ipc";
import { useSaveContact } from "../../queries/useEmployers";

interface ContactsSectionProps {
  employerId: string;
  contacts: EmployerContact[];
}

const EMPTY = { name: "", role: "", phone: "", email: "" };

/** Contactpersonen with role, phone and e-mail; a new one in a small form. */
export function ContactsSection({ employerId, contacts }: ContactsSectionProps) {
  const save = useSaveContact();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    if (values.name.trim() === "") {
      setError({ field: "contact_name", message: "Vul de naam van de contactpersoon in." });
      document.getElementById("contact-name")?.focus();
      return;
    }
    save.mutate(
      { employer_id: employerId, ...values },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setError(null);
          setOpen(false);
        },
        onError: (e) => {
          setError({ field: e.field ?? null, message: e.message });
        },
      },
    );
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <section className="section" aria-labelledby="contacts-title">
      <div className="section__head">
        <h2 id="contacts-title">Contactpersonen</h2>
        {!open && (
          <button
            type="button"
            className="button button--secondary button--small"
            id="add-contact"
            onClick={() => {
              setOpen(true);
            }}
          >
            Contactpersoon toevoegen
          </button>
        )}
      </div>
      {contacts.length === 0 ? (
        <p className="muted">Nog geen contactpersonen.</p>
      ) : (
        <ul className="plain-list contact-list" id="contact-list">
          {contacts.map((c) => (
            <li key={c.id} className="contact">
              <strong>{c.name}</strong>
              {c.role !== "" && <span> — {c.role}</span>}
              {c.phone !== "" && <span className="contact__detail">{c.phone}</span>}
              {c.email !== "" && <span className="contact__detail">{c.email}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form className="card inline-form" noValidate onSubmit={handleSubmit} aria-label="Nieuwe contactpersoon">
          <div className="form-grid form-grid--name">
            <TextField id="contact-name" label="Naam" size="m" value={values.name} error={fieldError("contact_name")} onChange={(name) => { setValues({ ...values, name }); }} />
            <TextField id="contact-role" label="Functie of rol" size="m" value={values.role} onChange={(role) => { setValues({ ...values, role }); }} />
            <TextField id="contact-phone" label="Telefoon" size="m" value={values.phone} onChange={(phone) => { setValues({ ...values, phone }); }} />
            <TextField id="contact-email" label="E-mail" size="m" value={values.email} error={fieldError("contact_email")} onChange={(email) => { setValues({ ...values, email }); }} />
          </div>
          <FormActions
            submitId="contact-save"
            label="Contactpersoon opslaan"
            busy={save.isPending}
            error={error?.field === null ? error.message : null}
            onCancel={() => {
              setOpen(false);
              setError(null);
            }}
          />
        </form>
      )}
    </section>
  );
}
