//! Sync protocol `/v1/` between a laptop and the regional server.
//!
//! The rules these shapes carry (see `shared/SYNC.md`):
//! - a laptop pushes its outbox as operations numbered per device, contiguous from 1;
//!   the server acknowledges through a number, refuses a gap with the number it expects,
//!   and answers a re-sent batch with the same acknowledgement;
//! - a laptop pulls by server sequence (`cursor`), never by clock;
//! - every message over HTTP is English; the app maps [`SyncErrorCode`] to Dutch.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The protocol version this crate describes; sent in [`PROTOCOL_HEADER`] on every call.
/// Version 2 added record operations ([`RECORD_FIELD`]); a version 1 laptop would not
/// understand them in a pull, so the server refuses it with a message to update.
pub const PROTOCOL_VERSION: u32 = 2;
/// Header carrying the client's protocol version.
pub const PROTOCOL_HEADER: &str = "x-werkpad-protocol";
/// Most operations one push may carry.
pub const MAX_PUSH_OPS: usize = 5000;
/// Most operations one pull returns, whatever `limit` asks.
pub const MAX_PULL_LIMIT: u32 = 5000;
/// Pull page size when `limit` is absent.
pub const DEFAULT_PULL_LIMIT: u32 = 500;
/// How far ahead of the server clock a stamp may be before the push is refused.
pub const MAX_CLOCK_AHEAD_SECS: u64 = 300;

/// Entities the server accepts. `conflict` records are written by the server; a device may
/// only push their `resolution` field. Drafts, instruments and settings stay on the laptop.
pub const ENTITIES: &[&str] = &[
    "candidate",
    "trajectory",
    "phase_change",
    "activity",
    "klantbeeld_version",
    "goal",
    "plan_action",
    "note",
    "placement",
    "placement_instrument",
    "reminder",
    "check_in",
    "employer",
    "employer_contact",
    "vacancy",
    "visit_round",
    "round_day",
    "round_area",
    "round_stop",
    "visit",
    "employer_follow_up",
    "conflict",
];
/// Entities whose fields are written once: an edit is a new record pointing at the old one.
pub const APPEND_ONLY: &[&str] = &[
    "note",
    "phase_change",
    "klantbeeld_version",
    "check_in",
    "visit",
];

/// Case records: `(entity, link field, parent entity)`. Such a record belongs to the case of
/// the parent its link field names (a candidate is its own case), so it is seen by exactly
/// those who see that case. Entities not listed (besides `candidate`) are region-wide.
pub const CASE_LINKS: &[(&str, &str, &str)] = &[
    ("trajectory", "candidate_id", "candidate"),
    ("klantbeeld_version", "candidate_id", "candidate"),
    ("note", "candidate_id", "candidate"),
    ("placement", "candidate_id", "candidate"),
    ("reminder", "candidate_id", "candidate"),
    ("phase_change", "trajectory_id", "trajectory"),
    ("activity", "trajectory_id", "trajectory"),
    ("goal", "trajectory_id", "trajectory"),
    ("plan_action", "goal_id", "goal"),
    ("placement_instrument", "placement_id", "placement"),
    ("check_in", "placement_id", "placement"),
];

/// The link field and parent entity of a case record, when `entity` is one.
pub fn case_link(entity: &str) -> Option<(&'static str, &'static str)> {
    CASE_LINKS
        .iter()
        .find(|(e, _, _)| *e == entity)
        .map(|(_, field, parent)| (*field, *parent))
}
/// The entity holding conflict records.
pub const CONFLICT_ENTITY: &str = "conflict";
/// The one field of a conflict record written by the server (value: [`ConflictRecord`]).
pub const CONFLICT_RECORD_FIELD: &str = "record";
/// The field of a conflict record a device pushes to resolve it (any JSON value).
pub const CONFLICT_RESOLUTION_FIELD: &str = "resolution";

/// The `field` of a record operation: all the fields one write of a laptop gave one record,
/// `value` an object of field name to value. Each field still merges on its own, with its
/// own `base_seq` in [`Op::bases`]; one operation instead of one per field keeps outboxes,
/// pushes, the server's log and pulls about a tenth as long.
pub const RECORD_FIELD: &str = "*";
/// Most fields one record operation may carry.
pub const MAX_RECORD_FIELDS: usize = 100;

pub fn is_append_only(entity: &str) -> bool {
    APPEND_ONLY.contains(&entity)
}

/// One change as written in the laptop's outbox: of one field, or of the fields one write
/// gave a record (a record operation, `field` [`RECORD_FIELD`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    pub op_id: String,
    pub device_id: String,
    /// Per-device number, contiguous from 1.
    pub device_seq: u64,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub value: Value,
    /// Hybrid clock stamp `"<16 lowercase hex NTP64>:<device uuid>"`; orders concurrent
    /// writes only (text order is the clock order).
    pub hlc: String,
    /// The server sequence of this field the device last saw; `None` when it never saw one.
    #[serde(default)]
    pub base_seq: Option<u64>,
    /// For a record operation ([`RECORD_FIELD`]): the `base_seq` of each of its fields
    /// the device saw a sequence of.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bases: BTreeMap<String, u64>,
}

impl Op {
    /// The field changes this operation carries, with their `base_seq`: one for a plain
    /// operation, each of the object's entries for a record operation (none when the
    /// object is missing, as in an operation blanked for an erasure).
    pub fn changes(&self) -> Vec<(&str, &Value, Option<u64>)> {
        if self.field != RECORD_FIELD {
            return vec![(self.field.as_str(), &self.value, self.base_seq)];
        }
        match &self.value {
            Value::Object(m) => m
                .iter()
                .map(|(f, v)| (f.as_str(), v, self.bases.get(f).copied()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The value this operation gives `field`, when it changes that field.
    pub fn change(&self, field: &str) -> Option<&Value> {
        if self.field == field {
            Some(&self.value)
        } else if self.field == RECORD_FIELD {
            self.value.get(field)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// Sorted by `device_seq`, contiguous. May start at or below what the server has
    /// acknowledged (a retry); those operations must equal what was sent before.
    pub ops: Vec<Op>,
}

/// An operation the server acknowledged but did not apply; the device must drop it
/// locally (and for `ERASED`, erase the record it belongs to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedOp {
    pub device_seq: u64,
    pub code: SyncErrorCode,
    pub entity: String,
    pub entity_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Every operation up to and including this number is stored; delete them from the
    /// outbox. Equal to the last `device_seq` of the batch (or to what the server had
    /// already acknowledged, for an empty batch).
    pub acked_through: u64,
    /// Operations within this batch that were acknowledged without being applied.
    #[serde(default)]
    pub rejected: Vec<RejectedOp>,
}

/// What a pulled operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PulledKind {
    /// Set `field` of `(entity, entity_id)` to `value`.
    #[default]
    Set,
    /// Erasure of a candidate (`entity_id`): remove it, everything attached to it (notes,
    /// conflict records, outbox entries, search index) and keep only a tombstone.
    Erase,
    /// The candidate (`entity_id`) left this user's scope: remove it and everything
    /// attached, locally only.
    Purge,
}

/// One operation as the server hands it out, in server order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PulledOp {
    /// Server sequence number; the field's `base_seq` for the device's next edit.
    pub seq: u64,
    #[serde(default)]
    pub kind: PulledKind,
    pub op_id: String,
    /// The device that wrote it, or `"server"` for conflict records, erasures and purges.
    pub device_id: String,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub value: Value,
    pub hlc: String,
}

impl PulledOp {
    /// The field changes this operation carries: one for a plain operation, each entry of
    /// the object for a record operation ([`RECORD_FIELD`]).
    pub fn changes(&self) -> impl Iterator<Item = (&str, &Value)> {
        let record = match (&self.value, self.field == RECORD_FIELD) {
            (Value::Object(m), true) => Some(m.iter().map(|(f, v)| (f.as_str(), v))),
            _ => None,
        };
        let plain = (self.field != RECORD_FIELD).then_some((self.field.as_str(), &self.value));
        plain.into_iter().chain(record.into_iter().flatten())
    }
}

/// Device id written on operations the server makes itself.
pub const SERVER_DEVICE_ID: &str = "server";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    /// In server order. Apply them and store `next_cursor` in one transaction.
    pub ops: Vec<PulledOp>,
    pub next_cursor: u64,
    /// Pull again at once with `next_cursor`.
    pub has_more: bool,
}

/// Count and digest of the current field state the user may see. A device computes the
/// same over its own store with [`ScopeDigest`]; when they differ it re-fetches its scope
/// from cursor 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyResponse {
    pub count: u64,
    /// Hex of [`ScopeDigest::hash`].
    pub hash: String,
    /// The server's newest sequence number at the time of the check.
    pub head: u64,
}

/// Order-independent digest of a set of field states: XOR of SHA-256 over
/// `entity \t entity_id \t field \t hlc`, and the count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeDigest {
    pub count: u64,
    pub hash: [u8; 32],
}

impl ScopeDigest {
    pub fn add(&mut self, entity: &str, entity_id: &str, field: &str, hlc: &str) {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (i, part) in [entity, entity_id, field, hlc].iter().enumerate() {
            if i > 0 {
                h.update(b"\t");
            }
            h.update(part.as_bytes());
        }
        let d = h.finalize();
        for (a, b) in self.hash.iter_mut().zip(d.iter()) {
            *a ^= b;
        }
        self.count += 1;
    }

    pub fn hash_hex(&self) -> String {
        self.hash.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// What a user does; decides nothing about scope yet beyond the caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    Jobcoach,
    Accountmanager,
    Teamleider,
    Beheerder,
}

impl UserRole {
    pub const ALL: [UserRole; 4] = [
        UserRole::Jobcoach,
        UserRole::Accountmanager,
        UserRole::Teamleider,
        UserRole::Beheerder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UserRole::Jobcoach => "jobcoach",
            UserRole::Accountmanager => "accountmanager",
            UserRole::Teamleider => "teamleider",
            UserRole::Beheerder => "beheerder",
        }
    }

    pub fn parse(s: &str) -> Option<UserRole> {
        UserRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrolRequest {
    /// The one-time code the beheerder handed out.
    pub code: String,
    /// The uuid the laptop generated at install; its outbox operations carry it.
    pub device_id: String,
    /// Shown in `device list`, e.g. the laptop's host name.
    pub device_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolResponse {
    pub device_id: String,
    /// Send as `Authorization: Bearer <token>`. Shown once; the server keeps only a hash.
    pub token: String,
    pub user_name: String,
    pub role: UserRole,
    pub team: Option<String>,
}

/// Two devices changed the same field concurrently. Stored as the single field
/// [`CONFLICT_RECORD_FIELD`] of a `conflict` record, which syncs like any record.
/// `winner` is what the field now holds on every replica.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictRecord {
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub winner: ConflictSide,
    pub loser: ConflictSide,
    /// RFC 3339, server clock.
    pub detected_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: Value,
    pub hlc: String,
    pub device_id: String,
    /// The user's name on the server.
    pub user: String,
}

/// Stable error codes of the sync protocol. The app switches on these, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SyncErrorCode {
    /// The batch does not continue where the server is; `expected` is the number to send.
    PushGap,
    /// A number the server already stored came with a different operation.
    PayloadMismatch,
    /// A stamp is too far ahead of the server clock: the laptop's clock is wrong.
    ClockAhead,
    /// This device was revoked: wipe local data.
    DeviceRevoked,
    /// Missing or wrong credentials.
    Unauthorized,
    /// The enrolment code is unknown, used or expired.
    EnrolCodeInvalid,
    /// The client speaks another protocol version; update Werkpad.
    ProtocolVersion,
    /// The request is malformed or breaks a protocol rule.
    Invalid,
    /// The record is outside what this user may see or change.
    NotInScope,
    /// The record was erased; it can never be written again.
    Erased,
    /// The request body is too large.
    TooLarge,
    /// The server failed; details are in its log.
    Internal,
}

/// An error body over HTTP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncError {
    pub code: SyncErrorCode,
    pub message: String,
    /// For `PUSH_GAP`: the device number the server expects next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<u64>,
    /// The operation that caused the refusal, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_seq: Option<u64>,
    /// For `CLOCK_AHEAD`: the server's clock (Unix seconds), so a laptop whose clock was
    /// set right can tell which of its stamps date from when it was wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_time: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub protocol: u32,
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_stable_text() {
        // The app switches on these strings; renaming a variant must not change them.
        let e = SyncError {
            code: SyncErrorCode::PushGap,
            message: "m".into(),
            expected: Some(7),
            device_seq: None,
            server_time: None,
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"PUSH_GAP","message":"m","expected":7}"#
        );
    }

    #[test]
    fn digest_is_order_independent() {
        // Server and device walk their rows in different orders; the digest must agree.
        let mut a = ScopeDigest::default();
        a.add("employer", "e1", "name", "01:x");
        a.add("employer", "e1", "city", "02:x");
        let mut b = ScopeDigest::default();
        b.add("employer", "e1", "city", "02:x");
        b.add("employer", "e1", "name", "01:x");
        assert_eq!(a, b);
        assert_eq!(a.count, 2);
    }

    #[test]
    fn op_decodes_outbox_shape_and_refuses_unknown_fields() {
        let j = r#"{"op_id":"o","device_id":"d","device_seq":1,"entity":"note","entity_id":"n",
                   "field":"body","value":"x","hlc":"0000000000000001:d","base_seq":null}"#;
        let op: Op = serde_json::from_str(j).unwrap();
        assert_eq!(op.base_seq, None);
        let bad = j.replace("\"base_seq\"", "\"bogus\"");
        assert!(serde_json::from_str::<Op>(&bad).is_err());
        assert!(
            !serde_json::to_string(&op).unwrap().contains("bases"),
            "a plain operation goes out as protocol 1 wrote it"
        );
    }

    #[test]
    fn a_record_operation_carries_each_field_with_its_base() {
        let j = r#"{"op_id":"o","device_id":"d","device_seq":1,"entity":"employer",
                   "entity_id":"e","field":"*","value":{"name":"Bakkerij","city":null},
                   "hlc":"0000000000000001:d","bases":{"city":7}}"#;
        let op: Op = serde_json::from_str(j).unwrap();
        let mut changes = op.changes();
        changes.sort_by_key(|c| c.0);
        assert_eq!(
            changes,
            vec![
                ("city", &Value::Null, Some(7)),
                ("name", &Value::from("Bakkerij"), None)
            ],
            "every field merges with the base the device saw of that field alone"
        );
        let blanked = Op {
            value: Value::Null,
            ..op
        };
        assert!(
            blanked.changes().is_empty(),
            "an operation blanked for an erasure changes nothing"
        );
        let pulled = PulledOp {
            seq: 3,
            kind: PulledKind::Set,
            op_id: "o".into(),
            device_id: "d".into(),
            entity: "employer".into(),
            entity_id: "e".into(),
            field: RECORD_FIELD.into(),
            value: serde_json::json!({"name": "Bakkerij"}),
            hlc: "0000000000000001:d".into(),
        };
        assert_eq!(
            pulled.changes().collect::<Vec<_>>(),
            vec![("name", &Value::from("Bakkerij"))]
        );
    }
}
