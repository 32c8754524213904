import { useEffect, useRef, useState, type SubmitEvent } from "react";
import { SelectField } from "../../../components/SelectField";
import { FormActions } from "../../../components/FormActions";
import { TextAreaField } from "../../../components/TextAreaField";
import type { Channel, ContactSubject, Outcome, Reminder } from "../../../ipc";
import {
  CHANNELS,
  OUTCOMES,
  SUBJECTS,
  channelLabel,
  outcomeLabel,
  subjectLabel,
} from "../../../labels/nazorg";
import { useLogCheckIn } from "../../../queries/useNazorg";

interface CheckInFormProps {
  placementId: string;
  /** The follow-up this contact answers, if it was opened from one. */
  reminder: Reminder | null;
  onDone: () => void;
}

/** Check-in: who was contacted, how, how it went, a note; opschalen in the same step. */
export function CheckInForm({ placementId, reminder, onDone }: CheckInFormProps) {
  const log = useLogCheckIn();
  const [contacted, setContacted] = useState<ContactSubject>(reminder?.subject ?? "werknemer");
  const [channel, setChannel] = useState<Channel>("telefoon");
  const [outcome, setOutcome] = useState<Outcome>("goed");
  const [note, setNote] = useState("");
  const [scaleUp, setScaleUp] = useState(false);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = log.isPending;

  useEffect(() => {
    heading.current?.focus();
  }, [reminder?.id]);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    if (outcome !== "goed" && note.trim() === "") {
      setNoteError("Beschrijf kort wat er speelt: de uitkomst vraagt om aandacht.");
      document.getElementById("checkin-note")?.focus();
      return;
    }
    log.mutate(
      {
        placement_id: placementId,
        reminder_id: reminder?.id ?? null,
        contacted,
        channel,
        outcome,
        note,
        scale_up: scaleUp,
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error.field === "note") {
            setNoteError(error.message);
            return;
          }
          setFormError(error.message);
        },
      },
    );
  }

  return (
    <section className="subsection card" id="check-in" aria-labelledby="checkin-title">
      <h3 id="checkin-title" tabIndex={-1} ref={heading}>
        Check-in{reminder ? `: ${reminder.reason}` : ""}
      </h3>
      <form noValidate onSubmit={handleSubmit}>
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Met wie</legend>
          <div className="radio-group">
            {SUBJECTS.map((s) => (
              <div className="radio" key={s}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`checkin-contacted-${s}`}
                  name="contacted"
                  value={s}
                  checked={contacted === s}
                  onChange={() => {
                    setContacted(s);
                  }}
                />
                <label className="radio__label" htmlFor={`checkin-contacted-${s}`}>
                  {subjectLabel(s)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <SelectField
          id="checkin-channel"
          label="Hoe"
          value={channel}
          disabled={busy}
          options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
          onChange={(value) => {
            setChannel(value as Channel);
          }}
        />
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Uitkomst</legend>
          <div className="radio-group">
            {OUTCOMES.map((o) => (
              <div className="radio" key={o}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`checkin-outcome-${o}`}
                  name="outcome"
                  value={o}
                  checked={outcome === o}
                  onChange={() => {
                    setOutcome(o);
                    // A worrying contact suggests opschalen; the coach can still untick it.
                    setScaleUp(o === "zorg");
                  }}
                />
                <label className="radio__label" htmlFor={`checkin-outcome-${o}`}>
                  {outcomeLabel(o)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id="checkin-note"
          label="Notitie"
          description="Verplicht bij 'Aandacht nodig' en 'Zorg'."
          value={note}
          error={noteError}
          readOnly={busy}
          onChange={(value) => {
            setNote(value);
            if (noteError && value.trim() !== "") setNoteError(undefined);
          }}
        />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id="checkin-scale-up"
            checked={scaleUp}
            disabled={busy}
            onChange={(event) => {
              setScaleUp(event.target.checked);
            }}
          />
          <label className="checkbox__label" htmlFor="checkin-scale-up">
            Direct opschalen naar intensieve nazorg (nieuw schema vanaf vandaag)
          </label>
        </div>
        <FormActions
          submitId="checkin-save"
          label="Check-in opslaan"
          busy={busy}
          error={formError}
          onCancel={onDone}
        />
      </form>
    </section>
  );
}
