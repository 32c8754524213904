//! The push rules, once for both backends: validation, numbering, scope, per-field merge
//! and conflict records. Pure: a backend loads a [`Snapshot`] inside its write
//! transaction (holding the one log lock), calls [`plan`], and writes the [`Plan`].

use super::Caller;
use crate::error::{AppError, AppResult};
use axum::http::StatusCode;
use rustc_hash::FxHashMap;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use werkpad_proto::sync::{
    case_link, is_append_only, ConflictRecord, ConflictSide, Op, PulledKind, PushRequest,
    PushResponse, RejectedOp, SyncErrorCode, CONFLICT_ENTITY, CONFLICT_RECORD_FIELD,
    CONFLICT_RESOLUTION_FIELD, ENTITIES, MAX_CLOCK_AHEAD_SECS, MAX_PUSH_OPS, MAX_RECORD_FIELDS,
    RECORD_FIELD, SERVER_DEVICE_ID,
};

pub type RecKey = (String, String);
/// Shared text: every field of an operation has the same entity, id, stamp and device, and
/// a push of thousands of fields copied each of them per field.
pub type Text = std::sync::Arc<str>;
pub type FieldKey = (Text, Text, Text);

/// Who may see a record and its operations: a case (candidate id), one user (a note
/// whose candidate is not known yet), or the whole region (both `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub entity: String,
    pub entity_id: String,
    pub scope_case: Option<String>,
    pub scope_user: Option<i64>,
    pub created_by: i64,
    pub erased: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldRow {
    pub entity: Text,
    pub entity_id: Text,
    pub field: Text,
    pub value: Value,
    pub hlc: Text,
    pub seq: u64,
    pub device_id: Text,
    pub user_name: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub seq: u64,
    pub kind: PulledKind,
    pub op_id: String,
    pub device_id: String,
    pub entity: String,
    pub entity_id: String,
    /// A field, or [`RECORD_FIELD`] for the fields one record operation won.
    pub field: String,
    /// JSON text.
    pub value: String,
    pub hlc: String,
    pub scope_case: Option<String>,
    pub scope_user: Option<i64>,
}

/// SHA-256 of an operation's canonical payload.
pub type OpHash = [u8; 32];

/// A stored device operation: its payload hash and, when it was refused, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorOp {
    pub hash: OpHash,
    pub rejected: Option<RejectedOp>,
}

/// Everything the rules read, loaded under the log lock.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub head: u64,
    pub records: FxHashMap<RecKey, RecordRow>,
    /// All current fields of every record in `records`.
    pub fields: FxHashMap<FieldKey, FieldRow>,
    /// Cases (candidate ids) the caller's user may see, among those asked for.
    pub access: HashSet<String>,
    /// Cases the caller's user saw once and lost (share ended, moved to another owner),
    /// among those asked for and not in `access`.
    pub left: HashSet<String>,
}

/// What a backend must load for the new operations of a batch.
#[derive(Debug, Default)]
pub struct Needs {
    pub records: BTreeSet<RecKey>,
    /// Candidate ids whose access rows must be loaded (plus the scope cases of the
    /// loaded records, which the backend adds).
    pub cases: BTreeSet<String>,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub response: PushResponse,
    pub head: u64,
    pub last_seq: u64,
    /// Records to insert or update.
    pub records: Vec<RecordRow>,
    /// Cases the caller's user now owns.
    pub grant: Vec<String>,
    pub fields: Vec<FieldRow>,
    pub log: Vec<LogRow>,
    /// (entity, entity_id, case): earlier log rows of a record move into a case.
    pub rescope: Vec<(String, String, String)>,
    /// (device_seq, hash, rejection) for every new operation, in device_seq order: the
    /// backends store the hashes of a push as one packed row, the refusals one row each.
    pub device_ops: Vec<(u64, OpHash, Option<RejectedOp>)>,
    pub applied: u64,
    pub conflicts: u64,
}

impl Plan {
    /// The new field rows, each with its value as JSON text: the text of the log row
    /// written with it (the same seq), so a backend does not serialise every value twice.
    pub fn fields_with_text(&self) -> impl Iterator<Item = (&FieldRow, Cow<'_, str>)> + '_ {
        // Both lists are in seq order and every field row has its log row.
        let mut log = self.log.iter().peekable();
        self.fields.iter().map(move |f| {
            while log.next_if(|l| l.seq < f.seq).is_some() {}
            match log.peek() {
                Some(l) if l.seq == f.seq && l.kind == PulledKind::Set && *l.field == *f.field => {
                    (f, Cow::Borrowed(l.value.as_str()))
                }
                _ => (f, Cow::Owned(f.value.to_string())),
            }
        })
    }
}

/// Canonical payload hash: the same operation always hashes the same, whatever order its
/// JSON object keys came in.
pub fn op_hash(op: &Op) -> OpHash {
    use std::io::Write;
    // The parts, each followed by a zero byte, hashed in one go.
    let mut buf = Vec::with_capacity(256);
    for part in [&op.op_id, &op.device_id] {
        buf.extend_from_slice(part.as_bytes());
        buf.push(0);
    }
    let _ = write!(buf, "{}", op.device_seq);
    buf.push(0);
    for part in [&op.entity, &op.entity_id, &op.field] {
        buf.extend_from_slice(part.as_bytes());
        buf.push(0);
    }
    write_canonical(&op.value, &mut buf);
    buf.push(0);
    buf.extend_from_slice(op.hlc.as_bytes());
    buf.push(0);
    if let Some(b) = op.base_seq {
        let _ = write!(buf, "{b}");
    }
    buf.push(0);
    // Only record operations have bases: a plain one hashes as protocol 1 hashed it.
    for (field, base) in &op.bases {
        let _ = write!(buf, "{field}\0{base}\0");
    }
    Sha256::digest(&buf).into()
}

/// The hash of a device operation stored as hex text (rows written before hashes were
/// packed); text that is no hash matches no operation.
pub fn hash_from_hex(text: &str) -> OpHash {
    let mut out = [0u8; 32];
    if hex::decode_to_slice(text, &mut out).is_err() {
        // All ones: no SHA-256 output an operation could plausibly hash to.
        out = [0xff; 32];
    }
    out
}

/// Adds the operations of one packed push row (`first_seq` and 32 bytes per operation)
/// that fall in `from..=to` to `prior`, without replacing what is there (a refusal row
/// carries the same hash and the refusal).
pub fn unpack_hashes(
    prior: &mut HashMap<u64, PriorOp>,
    first_seq: u64,
    hashes: &[u8],
    from: u64,
    to: u64,
) {
    for (k, chunk) in hashes.chunks_exact(32).enumerate() {
        let seq = first_seq + k as u64;
        if seq < from || seq > to {
            continue;
        }
        let mut hash = [0u8; 32];
        hash.copy_from_slice(chunk);
        prior.entry(seq).or_insert(PriorOp {
            hash,
            rejected: None,
        });
    }
}

/// The hashes of a push's new operations, packed in device_seq order: (first_seq, bytes).
pub fn packed_hashes(plan: &Plan) -> Option<(u64, Vec<u8>)> {
    let first = plan.device_ops.first()?.0;
    let mut bytes = Vec::with_capacity(plan.device_ops.len() * 32);
    for (i, (seq, hash, _)) in plan.device_ops.iter().enumerate() {
        debug_assert_eq!(*seq, first + i as u64, "new operations are contiguous");
        bytes.extend_from_slice(hash);
    }
    Some((first, bytes))
}

pub fn canonical_json(v: &Value) -> String {
    let mut out = Vec::new();
    write_canonical(v, &mut out);
    String::from_utf8(out).expect("JSON text is UTF-8")
}

/// [`canonical_json`] appended to `out`: object keys sorted, no spaces.
pub fn write_canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, k).expect("a string serialises");
                out.push(b':');
                write_canonical(&m[k], out);
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(x, out);
            }
            out.push(b']');
        }
        other => serde_json::to_writer(&mut *out, other).expect("a JSON value serialises"),
    }
}

/// Seconds since the Unix epoch of a stamp `"<16 hex NTP64>:<device>"`, when well formed.
pub fn stamp_secs(hlc: &str) -> Option<(u64, &str)> {
    let (hex, dev) = hlc.split_once(':')?;
    if hex.len() != 16
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return None;
    }
    let t = u64::from_str_radix(hex, 16).ok()?;
    Some((t >> 32, dev))
}

/// A stamp the server writes on its own operations.
pub fn server_stamp(now_secs: i64) -> String {
    format!("{:016x}:{SERVER_DEVICE_ID}", (now_secs.max(0) as u64) << 32)
}

/// Longest record id: generated follow-ups carry their placement, kind, subject, anchor
/// date and offset in their id, so a schedule written twice writes nothing twice.
const MAX_ENTITY_ID: usize = 200;

fn id_ok(s: &str) -> bool {
    id_within(s, 64)
}

fn entity_id_ok(s: &str) -> bool {
    id_within(s, MAX_ENTITY_ID)
}

fn id_within(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn field_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

const MAX_VALUE_BYTES: usize = 256 * 1024;

/// Checks that need no stored state. A refusal here changes nothing.
pub fn check_batch(req: &PushRequest, caller: &Caller, now_secs: i64) -> AppResult<()> {
    if req.ops.len() > MAX_PUSH_OPS {
        return Err(AppError::refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            SyncErrorCode::TooLarge,
            format!("A push carries at most {MAX_PUSH_OPS} operations."),
        ));
    }
    let limit = (now_secs.max(0) as u64) + MAX_CLOCK_AHEAD_SECS;
    let mut json = Vec::new();
    for (i, op) in req.ops.iter().enumerate() {
        let seq = op.device_seq;
        if i > 0 && seq != req.ops[i - 1].device_seq + 1 {
            return Err(AppError::invalid(
                "Operations in a push must be sorted by device_seq without holes.",
            )
            .at(seq));
        }
        if seq == 0 {
            return Err(AppError::invalid("device_seq starts at 1.").at(seq));
        }
        if op.device_id != caller.device_id {
            return Err(AppError::refused(
                StatusCode::FORBIDDEN,
                SyncErrorCode::Unauthorized,
                "An operation names another device than the one authenticated.",
            )
            .at(seq));
        }
        if !ENTITIES.contains(&op.entity.as_str()) {
            return Err(AppError::invalid(format!("Unknown entity {:?}.", op.entity)).at(seq));
        }
        if !entity_id_ok(&op.entity_id)
            || !id_ok(&op.op_id)
            || !(field_ok(&op.field) || op.field == RECORD_FIELD)
        {
            return Err(AppError::invalid(
                "op_id must be 1-64 and entity_id 1-200 of [A-Za-z0-9_-]; field 1-64 of [a-z0-9_].",
            )
            .at(seq));
        }
        check_record_shape(op)?;
        if op.entity == CONFLICT_ENTITY && op.field != CONFLICT_RESOLUTION_FIELD {
            return Err(AppError::invalid(format!(
                "A device may only write the {CONFLICT_RESOLUTION_FIELD} of a conflict."
            ))
            .at(seq));
        }
        match stamp_secs(&op.hlc) {
            Some((_, dev)) if dev != op.device_id => {
                return Err(AppError::invalid("The clock stamp names another device.").at(seq));
            }
            Some((secs, _)) if secs > limit => {
                return Err(AppError::refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    SyncErrorCode::ClockAhead,
                    format!(
                        "The clock of this laptop runs more than {} minutes ahead of the \
                         server; set the date and time right, then sync again.",
                        MAX_CLOCK_AHEAD_SECS / 60
                    ),
                )
                .at(seq));
            }
            Some(_) => {}
            None => {
                return Err(AppError::invalid(
                    "hlc must be \"<16 lowercase hex digits>:<device id>\".",
                )
                .at(seq))
            }
        }
        for (_, value, _) in op.changes() {
            json.clear();
            write_canonical(value, &mut json);
            if json.len() > MAX_VALUE_BYTES {
                return Err(AppError::refused(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    SyncErrorCode::TooLarge,
                    format!("A value holds at most {MAX_VALUE_BYTES} bytes."),
                )
                .at(seq));
            }
        }
    }
    Ok(())
}

/// A record operation's value is an object of field names (or null: blanked for an
/// erasure, it changes nothing), and its bases name only those fields; a plain operation
/// has no bases.
fn check_record_shape(op: &Op) -> AppResult<()> {
    let seq = op.device_seq;
    if op.field != RECORD_FIELD {
        if !op.bases.is_empty() {
            return Err(
                AppError::invalid("Only a record operation (field \"*\") has bases.").at(seq),
            );
        }
        return Ok(());
    }
    let fields = match &op.value {
        Value::Object(m) if !m.is_empty() && m.len() <= MAX_RECORD_FIELDS => Some(m),
        Value::Null => None,
        _ => {
            return Err(AppError::invalid(format!(
                "The value of a record operation is an object of 1-{MAX_RECORD_FIELDS} fields."
            ))
            .at(seq))
        }
    };
    if fields.is_some_and(|m| !m.keys().all(|f| field_ok(f))) {
        return Err(
            AppError::invalid("A record operation names a field outside [a-z0-9_].").at(seq),
        );
    }
    if op.base_seq.is_some()
        || !op
            .bases
            .keys()
            .all(|f| fields.is_some_and(|m| m.contains_key(f)))
    {
        return Err(AppError::invalid(
            "A record operation has no base_seq of its own, and bases only for its fields.",
        )
        .at(seq));
    }
    Ok(())
}

/// Splits a checked batch at what the server has stored for this device: earlier
/// numbers must repeat exactly what was sent, the first new one must follow on.
/// Returns the index of the first new operation.
pub fn split(req: &PushRequest, last_seq: u64, prior: &HashMap<u64, PriorOp>) -> AppResult<usize> {
    let mut first_new = req.ops.len();
    for (i, op) in req.ops.iter().enumerate() {
        if op.device_seq <= last_seq {
            let same = prior
                .get(&op.device_seq)
                .is_some_and(|p| p.hash == op_hash(op));
            if !same {
                return Err(AppError::refused(
                    StatusCode::CONFLICT,
                    SyncErrorCode::PayloadMismatch,
                    format!(
                        "Operation {} of this device was stored earlier with other content.",
                        op.device_seq
                    ),
                )
                .at(op.device_seq));
            }
        } else {
            first_new = i;
            break;
        }
    }
    if let Some(op) = req.ops.get(first_new) {
        if op.device_seq != last_seq + 1 {
            return Err(AppError::Refused {
                status: StatusCode::CONFLICT,
                code: SyncErrorCode::PushGap,
                message: format!(
                    "The server has this device's operations through {last_seq}; send {} next.",
                    last_seq + 1
                ),
                expected: Some(last_seq + 1),
                device_seq: Some(op.device_seq),
            });
        }
    }
    Ok(first_new)
}

/// The parent a case record names in its link field within this batch:
/// `Some(Some(id))`, `Some(None)` for an explicit null, `None` when absent.
fn batch_link<'a>(
    ops: &'a [Op],
    entity: &str,
    id: &str,
    link: &str,
) -> AppResult<Option<Option<&'a str>>> {
    for op in ops {
        if op.entity != entity || op.entity_id != id {
            continue;
        }
        if let Some(value) = op.change(link) {
            return match value {
                Value::String(c) if entity_id_ok(c) => Ok(Some(Some(c.as_str()))),
                Value::Null => Ok(Some(None)),
                _ => {
                    Err(AppError::invalid(format!("{link} must be an id or null."))
                        .at(op.device_seq))
                }
            };
        }
    }
    Ok(None)
}

pub fn needs(ops: &[Op]) -> Needs {
    let mut n = Needs::default();
    for op in ops {
        n.records.insert((op.entity.clone(), op.entity_id.clone()));
        if op.entity == "candidate" {
            n.cases.insert(op.entity_id.clone());
        }
        let Some((link, parent)) = case_link(&op.entity) else {
            continue;
        };
        if let Some(Value::String(c)) = op.change(link) {
            n.records.insert((parent.into(), c.clone()));
            if parent == "candidate" {
                n.cases.insert(c.clone());
            }
        }
    }
    n
}

/// Where a case record goes once its parent is known.
enum Joined {
    /// Seen by this scope (a case, or the author alone while the parent's own case is
    /// not known yet).
    Scope(Option<String>, Option<i64>),
    /// The parent was erased: the record is born erased in that case.
    Erased(Option<String>),
}

struct Planner<'a> {
    snap: &'a mut Snapshot,
    caller: &'a Caller,
    now_secs: i64,
    plan: Plan,
    dirty_records: BTreeSet<RecKey>,
    /// The case, when the last refusal was for a case the caller's user lost.
    lost: Option<String>,
    /// While a record operation is planned: the log row its winning fields go into.
    open: Option<OpenRecord>,
    /// The caller's user name, shared by the field rows it writes.
    user: Text,
}

/// The one log row of a record operation, filled as its fields win: the index in the
/// plan's log once the first did (with the seq they all share), and the JSON object of
/// their values so far.
#[derive(Default)]
struct OpenRecord {
    row: Option<(usize, u64)>,
    won: Vec<u8>,
}

/// The texts every field row of one operation shares.
struct OpTexts {
    entity: Text,
    entity_id: Text,
    hlc: Text,
    device_id: Text,
}

impl OpTexts {
    fn of(op: &Op) -> OpTexts {
        OpTexts {
            entity: op.entity.as_str().into(),
            entity_id: op.entity_id.as_str().into(),
            hlc: op.hlc.as_str().into(),
            device_id: op.device_id.as_str().into(),
        }
    }
}

impl Planner<'_> {
    /// The refusal of a record outside the caller's scope; notes when it lies in a case the
    /// user lost, so [`Planner::op`] can refuse that one operation instead of the batch.
    fn out_of_scope(&mut self, case: Option<String>, seq: u64) -> AppError {
        self.lost = case.filter(|c| self.snap.left.contains(c));
        not_in_scope(seq)
    }

    fn next_seq(&mut self) -> u64 {
        self.snap.head += 1;
        self.snap.head
    }

    fn visible(&self, r: &RecordRow) -> bool {
        match (&r.scope_case, r.scope_user) {
            (Some(c), _) => self.snap.access.contains(c),
            (None, Some(u)) => u == self.caller.user_id,
            (None, None) => true,
        }
    }

    fn put_record(&mut self, r: RecordRow) {
        let key = (r.entity.clone(), r.entity_id.clone());
        self.snap.records.insert(key.clone(), r);
        self.dirty_records.insert(key);
    }

    /// The scope a case record joins through its parent: a candidate must be visible or
    /// unknown (then the caller claims it); another parent must be visible. A parent the
    /// server never saw keeps the record with its author.
    fn join_parent(&mut self, parent: &str, id: &str, seq: u64) -> AppResult<Joined> {
        if parent == "candidate" {
            return Ok(match self.join_case(id, seq)? {
                Some(case) => Joined::Scope(Some(case), None),
                None => Joined::Erased(Some(id.to_string())),
            });
        }
        let key = (parent.to_string(), id.to_string());
        match self.snap.records.get(&key) {
            Some(r) if r.erased => Ok(Joined::Erased(r.scope_case.clone())),
            Some(r) if self.visible(r) => Ok(Joined::Scope(r.scope_case.clone(), r.scope_user)),
            Some(r) => {
                let case = r.scope_case.clone();
                Err(self.out_of_scope(case, seq))
            }
            None => Ok(Joined::Scope(None, Some(self.caller.user_id))),
        }
    }

    /// The case a record joins through its candidate: visible or unknown (then the
    /// caller claims it). `Ok(None)` when the candidate is erased.
    fn join_case(&mut self, cand: &str, seq: u64) -> AppResult<Option<String>> {
        let key = ("candidate".to_string(), cand.to_string());
        match self.snap.records.get(&key) {
            Some(r) if r.erased => Ok(None),
            Some(r) if self.visible(r) => Ok(Some(cand.to_string())),
            Some(r) => {
                let case = r.scope_case.clone();
                Err(self.out_of_scope(case, seq))
            }
            None => {
                self.claim_case(cand);
                Ok(Some(cand.to_string()))
            }
        }
    }

    fn claim_case(&mut self, cand: &str) {
        self.put_record(RecordRow {
            entity: "candidate".into(),
            entity_id: cand.into(),
            scope_case: Some(cand.into()),
            scope_user: None,
            created_by: self.caller.user_id,
            erased: false,
        });
        self.snap.access.insert(cand.into());
        self.plan.grant.push(cand.into());
    }

    /// The record an operation writes, created on first sight with its scope.
    fn record_for(&mut self, op: &Op, batch: &[Op]) -> AppResult<RecordRow> {
        let key = (op.entity.clone(), op.entity_id.clone());
        if let Some(r) = self.snap.records.get(&key) {
            return Ok(r.clone());
        }
        let mut r = RecordRow {
            entity: op.entity.clone(),
            entity_id: op.entity_id.clone(),
            scope_case: None,
            scope_user: None,
            created_by: self.caller.user_id,
            erased: false,
        };
        match op.entity.as_str() {
            "candidate" => {
                self.claim_case(&op.entity_id);
                return Ok(self.snap.records[&key].clone());
            }
            CONFLICT_ENTITY => {
                return Err(AppError::invalid("Unknown conflict record.").at(op.device_seq))
            }
            entity => {
                if let Some((link, parent)) = case_link(entity) {
                    match batch_link(batch, entity, &op.entity_id, link)? {
                        Some(Some(p)) => match self.join_parent(parent, p, op.device_seq)? {
                            Joined::Scope(case, user) => {
                                r.scope_case = case;
                                r.scope_user = user;
                            }
                            Joined::Erased(case) => {
                                // Attached to an erased case: born erased, never stored.
                                r.scope_case = case;
                                r.erased = true;
                            }
                        },
                        // Explicitly unattached (a werkgever note): region-wide.
                        Some(None) => {}
                        // Its link comes in a later batch: its author alone until then.
                        None => r.scope_user = Some(self.caller.user_id),
                    }
                } // else employer and its records: region-wide
            }
        }
        self.put_record(r.clone());
        Ok(r)
    }

    fn reject(&mut self, op: &Op, hash: OpHash, code: SyncErrorCode) {
        let rej = RejectedOp {
            device_seq: op.device_seq,
            code,
            entity: op.entity.clone(),
            entity_id: op.entity_id.clone(),
        };
        self.plan.response.rejected.push(rej.clone());
        self.plan.device_ops.push((op.device_seq, hash, Some(rej)));
    }

    /// Logs a field write and keeps it as the field's current state (under `key`, the
    /// row's own (entity, entity_id, field), which the caller often has at hand already).
    fn emit_set(&mut self, rec: &RecordRow, row: FieldRow, op_id: &str, key: FieldKey) {
        let log = LogRow {
            seq: row.seq,
            kind: PulledKind::Set,
            op_id: op_id.to_string(),
            device_id: row.device_id.to_string(),
            entity: row.entity.to_string(),
            entity_id: row.entity_id.to_string(),
            field: row.field.to_string(),
            value: row.value.to_string(),
            hlc: row.hlc.to_string(),
            scope_case: rec.scope_case.clone(),
            scope_user: rec.scope_user,
        };
        self.plan.log.push(log);
        // Written here: its seq lies above the head the snapshot was loaded at.
        self.snap.fields.insert(key, row);
    }

    fn apply(&mut self, rec: &RecordRow, op: &Op, t: &OpTexts, key: FieldKey, value: &Value) {
        self.plan.applied += 1;
        let Some(mut open) = self.open.take() else {
            let seq = self.next_seq();
            let row = self.field_row(t, key.2.clone(), value, seq);
            self.emit_set(rec, row, &op.op_id, key);
            return;
        };
        // A field of a record operation: all its winners share one seq and one log row.
        let seq = match open.row {
            Some((_, seq)) => seq,
            None => {
                let seq = self.next_seq();
                open.row = Some((self.plan.log.len(), seq));
                self.plan.log.push(LogRow {
                    seq,
                    kind: PulledKind::Set,
                    op_id: op.op_id.clone(),
                    device_id: op.device_id.clone(),
                    entity: op.entity.clone(),
                    entity_id: op.entity_id.clone(),
                    field: RECORD_FIELD.into(),
                    value: String::new(), // written when the operation is done
                    hlc: op.hlc.clone(),
                    scope_case: rec.scope_case.clone(),
                    scope_user: rec.scope_user,
                });
                seq
            }
        };
        open.won.push(if open.won.is_empty() { b'{' } else { b',' });
        serde_json::to_writer(&mut open.won, &*key.2).expect("a name serialises");
        open.won.push(b':');
        serde_json::to_writer(&mut open.won, value).expect("a value serialises");
        let row = self.field_row(t, key.2.clone(), value, seq);
        self.snap.fields.insert(key, row);
        self.open = Some(open);
    }

    fn field_row(&self, t: &OpTexts, field: Text, value: &Value, seq: u64) -> FieldRow {
        FieldRow {
            entity: t.entity.clone(),
            entity_id: t.entity_id.clone(),
            field,
            value: value.clone(),
            hlc: t.hlc.clone(),
            seq,
            device_id: t.device_id.clone(),
            user_name: self.user.clone(),
        }
    }

    /// Writes the log row of the record operation planned since [`Planner::op_in_scope`]
    /// opened it, if any of its fields won.
    fn close_record(&mut self) {
        if let Some(OpenRecord {
            row: Some((at, _)),
            mut won,
        }) = self.open.take()
        {
            won.push(b'}');
            self.plan.log[at].value = String::from_utf8(won).expect("JSON is UTF-8");
        }
    }

    fn conflict(
        &mut self,
        rec: &RecordRow,
        winner: ConflictSide,
        loser: ConflictSide,
        op: &Op,
        field: &str,
    ) {
        let id = uuid::Uuid::now_v7().to_string();
        let crec = RecordRow {
            entity: CONFLICT_ENTITY.into(),
            entity_id: id.clone(),
            scope_case: rec.scope_case.clone(),
            scope_user: rec.scope_user,
            created_by: self.caller.user_id,
            erased: false,
        };
        self.put_record(crec.clone());
        let body = ConflictRecord {
            entity: op.entity.clone(),
            entity_id: op.entity_id.clone(),
            field: field.to_string(),
            winner,
            loser,
            detected_at: jiff::Timestamp::from_second(self.now_secs)
                .unwrap_or_else(|_| jiff::Timestamp::now())
                .to_string(),
        };
        let seq = self.next_seq();
        let key: FieldKey = (
            CONFLICT_ENTITY.into(),
            id.as_str().into(),
            CONFLICT_RECORD_FIELD.into(),
        );
        let row = FieldRow {
            entity: key.0.clone(),
            entity_id: key.1.clone(),
            field: key.2.clone(),
            value: serde_json::to_value(&body).expect("a conflict record serialises"),
            hlc: server_stamp(self.now_secs).into(),
            seq,
            device_id: SERVER_DEVICE_ID.into(),
            user_name: SERVER_DEVICE_ID.into(),
        };
        self.emit_set(&crec, row, &format!("conflict-{id}"), key);
        self.plan.conflicts += 1;
    }

    /// A case record whose link arrives after its first fields moves into the case: its
    /// earlier log rows change scope and are announced again above every cursor.
    fn rescope(&mut self, rec: &RecordRow, case: String) -> RecordRow {
        let mut r = rec.clone();
        r.scope_case = Some(case.clone());
        r.scope_user = None;
        self.put_record(r.clone());
        self.plan
            .rescope
            .push((r.entity.clone(), r.entity_id.clone(), case));
        let mut current: Vec<FieldRow> = self
            .snap
            .fields
            .values()
            .filter(|f| *f.entity == *r.entity && *f.entity_id == *r.entity_id)
            .cloned()
            .collect();
        current.sort_by_key(|f| f.seq);
        for mut f in current {
            f.seq = self.next_seq();
            let op_id = format!("reannounce-{}-{}", f.entity_id, f.seq);
            let key = (f.entity.clone(), f.entity_id.clone(), f.field.clone());
            self.emit_set(&r, f, &op_id, key);
        }
        r
    }

    /// One operation. A write into a case the user lost is acknowledged and refused on its
    /// own (the laptop may have written it before it learnt), so the rest of its outbox
    /// still goes through; any other scope breach refuses the batch.
    fn op(&mut self, op: &Op, batch: &[Op]) -> AppResult<()> {
        let hash = op_hash(op);
        match self.op_in_scope(op, batch, hash) {
            Err(_) if self.lost.is_some() => {
                let case = self.lost.take();
                let key = (op.entity.clone(), op.entity_id.clone());
                if !self.snap.records.contains_key(&key) {
                    // A record the laptop made in the lost case is kept as an empty row of
                    // that case, so what hangs under it (in this or a later batch) is
                    // refused the same way instead of landing with its author.
                    self.put_record(RecordRow {
                        entity: key.0,
                        entity_id: key.1,
                        scope_case: case,
                        scope_user: None,
                        created_by: self.caller.user_id,
                        erased: false,
                    });
                }
                self.reject(op, hash, SyncErrorCode::NotInScope);
                Ok(())
            }
            other => other,
        }
    }

    fn op_in_scope(&mut self, op: &Op, batch: &[Op], hash: OpHash) -> AppResult<()> {
        let mut rec = self.record_for(op, batch)?;
        if rec.erased {
            self.reject(op, hash, SyncErrorCode::Erased);
            return Ok(());
        }
        if !self.visible(&rec) {
            return Err(self.out_of_scope(rec.scope_case.clone(), op.device_seq));
        }
        // The link first: a record that moves into its case does so before any of the
        // operation's fields is logged.
        let link =
            case_link(&op.entity).and_then(|(field, parent)| Some((parent, op.change(field)?)));
        if let (Some((parent, Value::String(p))), Some(_)) = (link, rec.scope_user) {
            match self.join_parent(parent, p, op.device_seq)? {
                Joined::Scope(Some(case), _) => rec = self.rescope(&rec, case),
                // The parent's own case is not known yet either: stays with its author.
                Joined::Scope(None, _) => {}
                Joined::Erased(case) => {
                    rec.erased = true;
                    rec.scope_case = case;
                    rec.scope_user = None;
                    self.put_record(rec.clone());
                    self.reject(op, hash, SyncErrorCode::Erased);
                    return Ok(());
                }
            }
        }
        self.open = (op.field == RECORD_FIELD).then(OpenRecord::default);
        let texts = OpTexts::of(op);
        for (field, value, base) in op.changes() {
            self.merge(&rec, op, &texts, field, value, base)?;
        }
        self.close_record();
        self.plan.device_ops.push((op.device_seq, hash, None));
        Ok(())
    }

    /// One field change of `op`, merged with the field's current state.
    fn merge(
        &mut self,
        rec: &RecordRow,
        op: &Op,
        t: &OpTexts,
        field: &str,
        value: &Value,
        base: Option<u64>,
    ) -> AppResult<()> {
        let fkey: FieldKey = (t.entity.clone(), t.entity_id.clone(), field.into());
        let Some(cur) = self.snap.fields.get(&fkey) else {
            self.apply(rec, op, t, fkey, value);
            return Ok(());
        };
        if is_append_only(&op.entity) {
            if cur.value != *value {
                return Err(AppError::invalid(format!(
                    "A {} is append-only: an edit is a new record that points at the \
                     previous version.",
                    op.entity
                ))
                .at(op.device_seq));
            }
            // The same write again (e.g. re-sent after a restore): nothing changes.
            return Ok(());
        }
        let seen = base.unwrap_or(0) >= cur.seq;
        if *cur.device_id == *op.device_id || seen {
            // Causally after the current value: it simply wins.
            self.apply(rec, op, t, fkey, value);
        } else if cur.value == *value {
            // Concurrent, but both wrote the same: nothing to keep apart.
        } else {
            let mine = ConflictSide {
                value: value.clone(),
                hlc: op.hlc.clone(),
                device_id: op.device_id.clone(),
                user: self.caller.user_name.clone(),
            };
            let theirs = ConflictSide {
                value: cur.value.clone(),
                hlc: cur.hlc.to_string(),
                device_id: cur.device_id.to_string(),
                user: cur.user_name.to_string(),
            };
            if *op.hlc > *cur.hlc {
                self.apply(rec, op, t, fkey, value);
                self.conflict(rec, mine, theirs, op, field);
            } else {
                self.conflict(rec, theirs, mine, op, field);
            }
        }
        Ok(())
    }
}

fn not_in_scope(seq: u64) -> AppError {
    AppError::refused(
        StatusCode::FORBIDDEN,
        SyncErrorCode::NotInScope,
        "This record belongs to a case outside this user's scope.",
    )
    .at(seq)
}

/// Plans a push. `prior_rejected` are the earlier refusals within the batch's range, so a
/// retried batch gets the same acknowledgement.
pub fn plan(
    snap: &mut Snapshot,
    req: &PushRequest,
    first_new: usize,
    last_seq: u64,
    prior_rejected: Vec<RejectedOp>,
    caller: &Caller,
    now_secs: i64,
) -> AppResult<Plan> {
    let new_ops = &req.ops[first_new..];
    let loaded_head = snap.head;
    let mut p = Planner {
        snap,
        caller,
        now_secs,
        plan: Plan::default(),
        dirty_records: BTreeSet::new(),
        lost: None,
        open: None,
        user: caller.user_name.as_str().into(),
    };
    p.plan.response.rejected = prior_rejected;
    // Sized once: growing these a push of thousands of operations long copies them over
    // and over.
    p.plan.log.reserve(new_ops.len());
    p.plan.device_ops.reserve(new_ops.len());
    let changes: usize = new_ops.iter().map(|o| o.changes().len()).sum();
    p.snap.fields.reserve(changes);
    for op in new_ops {
        p.op(op, new_ops)?;
    }
    let Planner {
        snap,
        mut plan,
        dirty_records,
        ..
    } = p;
    // Moved, not cloned: the snapshot is done with once planned.
    plan.records = dirty_records
        .into_iter()
        .filter_map(|k| snap.records.remove(&k))
        .collect();
    // Every field this push wrote got a seq above the loaded head; stored ones lie at or
    // below it. One row per field, in the order they were written.
    plan.fields = std::mem::take(&mut snap.fields)
        .into_values()
        .filter(|f| f.seq > loaded_head)
        .collect();
    plan.fields.sort_unstable_by_key(|f| f.seq);
    plan.head = snap.head;
    plan.last_seq = req
        .ops
        .last()
        .map_or(last_seq, |o| o.device_seq.max(last_seq));
    plan.response.acked_through = req.ops.last().map_or(last_seq, |o| o.device_seq);
    Ok(plan)
}

/// A push body through every pure step the server takes with it (decode, checks, numbering,
/// merge rules), against an empty store: the fuzz target and its seed-corpus test drive the
/// server's own functions with this.
pub fn plan_body(body: &[u8], caller: &Caller, now_secs: i64) -> AppResult<Plan> {
    let req: PushRequest = crate::routes::decode_json(body)?;
    check_batch(&req, caller, now_secs)?;
    let first_new = split(&req, 0, &HashMap::new())?;
    let mut snap = Snapshot::default();
    plan(&mut snap, &req, first_new, 0, Vec::new(), caller, now_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_ignores_key_order() {
        // A retry re-serialised by another client build must still match its first send.
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":2,"x":[1,"z"]}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":[1,"z"],"y":2},"b":1}"#).unwrap();
        assert_eq!(canonical_json(&a), canonical_json(&b));
    }

    #[test]
    fn op_hashes_stay_what_earlier_servers_stored() {
        // Stored hashes of earlier pushes (device_ops rows in hex) must keep matching
        // their retries: the bytes hashed are the parts, each followed by a zero byte.
        let op = Op {
            op_id: "op-1".into(),
            device_id: "dev-1".into(),
            device_seq: 7,
            entity: "employer".into(),
            entity_id: "emp-1".into(),
            field: "name".into(),
            value: serde_json::from_str(r#"{"b":null,"a":[1,"é\""]}"#).unwrap(),
            hlc: "0000000100000000:dev-1".into(),
            base_seq: None,
            bases: Default::default(),
        };
        assert_eq!(
            hex::encode(op_hash(&op)),
            "6bd49b010bfd63f59b198d5d9333df529d85b90c19a3770744120f5c3a82a76c"
        );
        assert_eq!(
            hash_from_hex(&hex::encode(op_hash(&op))),
            op_hash(&op),
            "a stored hex hash reads back as the hash"
        );
    }

    #[test]
    fn stamps_parse_only_in_canonical_form() {
        // Text order must equal clock order, so only fixed-width lowercase hex is accepted.
        assert_eq!(stamp_secs("0000000100000000:d"), Some((1, "d")));
        assert_eq!(stamp_secs("0000000100000000"), None);
        assert_eq!(stamp_secs("000000010000000A:d"), None);
        assert!(server_stamp(5) > server_stamp(4));
    }
}
