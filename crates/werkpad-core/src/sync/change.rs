//! A pulled page seen field by field: a record operation (protocol 2) carries the fields
//! one write gave a record, and applying goes field by field as before, borrowing from the
//! page instead of copying every operation out per field.

use serde_json::Value;
use werkpad_proto::sync::{PulledKind, PulledOp};

/// One field change of a pulled operation (an erasure or purge is one change too).
#[derive(Debug, Clone, Copy)]
pub(super) struct Change<'a> {
    pub seq: u64,
    pub kind: PulledKind,
    pub device_id: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub field: &'a str,
    pub value: &'a Value,
    pub hlc: &'a str,
}

impl<'a> Change<'a> {
    fn of(op: &'a PulledOp, field: &'a str, value: &'a Value) -> Change<'a> {
        Change {
            seq: op.seq,
            kind: op.kind,
            device_id: &op.device_id,
            entity: &op.entity,
            entity_id: &op.entity_id,
            field,
            value,
            hlc: &op.hlc,
        }
    }
}

/// The changes of `ops`, in server order (a record operation's fields in name order).
pub(super) fn changes(ops: &[PulledOp]) -> Vec<Change<'_>> {
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        if op.kind == PulledKind::Set {
            out.extend(op.changes().map(|(f, v)| Change::of(op, f, v)));
        } else {
            out.push(Change::of(op, &op.field, &op.value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use werkpad_proto::sync::RECORD_FIELD;

    fn pulled(seq: u64, kind: PulledKind, field: &str, value: Value) -> PulledOp {
        PulledOp {
            seq,
            kind,
            op_id: format!("op-{seq}"),
            device_id: "d".into(),
            entity: "employer".into(),
            entity_id: "e1".into(),
            field: field.into(),
            value,
            hlc: format!("{seq:016x}:d"),
        }
    }

    #[test]
    fn a_record_operation_is_applied_as_each_of_its_fields() {
        let ops = vec![
            pulled(1, PulledKind::Set, "name", Value::from("Oud")),
            pulled(
                2,
                PulledKind::Set,
                RECORD_FIELD,
                serde_json::json!({"name": "Nieuw", "city": "Enschede"}),
            ),
            pulled(3, PulledKind::Erase, "", Value::Null),
        ];
        let seen: Vec<(u64, &str, &Value)> = changes(&ops)
            .iter()
            .map(|c| (c.seq, c.field, c.value))
            .collect();
        assert_eq!(
            seen,
            vec![
                (1, "name", &Value::from("Oud")),
                (2, "city", &Value::from("Enschede")),
                (2, "name", &Value::from("Nieuw")),
                (3, "", &Value::Null),
            ],
            "every field of a record operation is a change at the operation's seq, after \
             what came before it; an erasure stays one change"
        );
    }
}
