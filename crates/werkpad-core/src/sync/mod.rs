//! Sync with the regional server (`shared/SYNC.md`): enrolment, push of the outbox with
//! contiguous wire numbers, pull by server sequence applied page by page in one transaction
//! with the cursor, per-field sequence tracking (`base_seq`), conflict records and their
//! resolution, erasure, purges of cases that left the user's scope, a periodic check of the
//! whole scope against the server's, and the wipe of a revoked laptop.
//!
//! Network calls never hold the store: the caller's [`StoreAccess`] is taken only for the
//! short local steps between them, so the coach keeps working while a sync runs.

mod apply_record;
mod change;
mod field_state;
mod local;
mod notices;
mod orphans;
mod prefetch;
mod remote;
mod verify;

pub use local::{next_batch, pending, settings, Settings};
pub use notices::{dismiss_notice, notices};
pub use remote::{Remote, Transport, WireFuture, WireRequest};
pub use verify::{local_digest, VERIFY_EVERY};

use crate::clock::amsterdam;
use crate::service::Session;
use crate::store::{deferred_indexes, Store};
use crate::{CoreError, CoreResult};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};
use werkpad_proto::sync::{
    ConflictSide, EnrolRequest, PushResponse, SyncErrorCode, MAX_CLOCK_AHEAD_SECS, MAX_PULL_LIMIT,
};
use werkpad_proto::{
    ConflictKeep, ConflictSideView, ConflictView, EnrolInput, ErrorCode, ResolveConflictInput,
    SyncPhase, SyncStatus,
};

/// Operations per push. A record write is one operation, so this is about 500 records
/// (PouchDB replicates 500 documents a batch). Every batch costs a round trip and a
/// durable commit on both sides, and the laptop reads the next batch while the server
/// stores one: a first sync of thousands of records goes in a few batches that overlap.
pub const PUSH_BATCH: usize = 500;
const _: () = assert!(PUSH_BATCH <= werkpad_proto::sync::MAX_PUSH_OPS);
/// Operations per pulled page: about 1,000 records, so the next page is on its way while
/// one is applied.
pub const PULL_PAGE: u32 = 1000;
const _: () = assert!(PULL_PAGE <= MAX_PULL_LIMIT);
/// Operations at most in one local transaction when pages arrive faster than they apply.
/// Every commit writes each index page it touched, and a werkgever's name, sector and
/// estate land at random places in their indexes, so a first sync rewrites nearly all of
/// those pages per commit: fewer, larger commits write them fewer times.
const APPLY_AT_ONCE: usize = 8 * PULL_PAGE as usize;

/// Why a sync did not complete. `Display` is English (logs); [`SyncError::dutch_message`]
/// is for the coach.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    #[error("this laptop is not enrolled with a regional server")]
    NotEnrolled,
    #[error("server unreachable: {0}")]
    Offline(String),
    #[error("server refused ({code:?}): {message}")]
    Refused {
        code: SyncErrorCode,
        message: String,
        expected: Option<u64>,
        /// For a clock refusal: the server's clock, Unix seconds.
        server_time: Option<u64>,
    },
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
}

impl SyncError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SyncError::NotEnrolled => ErrorCode::NotEnrolled,
            SyncError::Offline(_) => ErrorCode::Offline,
            SyncError::Refused {
                code: SyncErrorCode::ClockAhead,
                ..
            } => ErrorCode::ClockAhead,
            SyncError::Refused {
                code: SyncErrorCode::DeviceRevoked,
                ..
            } => ErrorCode::DeviceRevoked,
            _ => ErrorCode::SyncFailed,
        }
    }

    pub fn dutch_message(&self) -> String {
        match self {
            SyncError::NotEnrolled => "Deze laptop is nog niet gekoppeld met de regionale \
                server. Koppel hem onder Instellingen."
                .into(),
            SyncError::Offline(_) => "De regionale server is nu niet bereikbaar. U kunt gewoon \
                doorwerken; Werkpad synchroniseert zodra de verbinding er weer is."
                .into(),
            SyncError::Refused { code, .. } => match code {
                SyncErrorCode::ClockAhead => "De klok van deze laptop loopt voor op die van de \
                    regionale server. Zet de datum en tijd van de laptop goed en synchroniseer \
                    daarna opnieuw."
                    .into(),
                SyncErrorCode::DeviceRevoked => "De functioneel beheerder heeft deze laptop \
                    ingetrokken. De gegevens op deze laptop zijn gewist. Neem contact op met de \
                    functioneel beheerder."
                    .into(),
                SyncErrorCode::ProtocolVersion => "Deze versie van Werkpad past niet bij de \
                    regionale server. Installeer de nieuwste versie van Werkpad."
                    .into(),
                SyncErrorCode::Unauthorized => "De regionale server herkent deze laptop niet \
                    (meer). Neem contact op met de functioneel beheerder om opnieuw te koppelen."
                    .into(),
                SyncErrorCode::EnrolCodeInvalid => "Deze koppelcode is onbekend, al gebruikt of \
                    verlopen. Vraag de functioneel beheerder om een nieuwe code."
                    .into(),
                _ => Self::generic(),
            },
            SyncError::Protocol(_) => Self::generic(),
        }
    }

    fn generic() -> String {
        "De regionale server weigerde de synchronisatie. Uw wijzigingen blijven bewaard op deze \
         laptop. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de \
         functioneel beheerder."
            .into()
    }

    /// Stored with the last attempt, for the status line.
    fn stored_code(&self) -> &'static str {
        match self {
            SyncError::Offline(_) => "OFFLINE",
            _ => "ERROR",
        }
    }
}

/// Short, exclusive access to the store between network calls.
pub trait StoreAccess {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T>;
}

impl StoreAccess for std::sync::Mutex<Session> {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T> {
        let mut g = self.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut g.store)
    }
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Operations the server acknowledged.
    pub pushed: u64,
    /// Operations pulled.
    pub pulled: u64,
    /// Pulled field changes written into local records.
    pub applied: u64,
    /// Conflict records received.
    pub conflicts_new: u64,
    /// Entities whose local records changed (for screens to refresh).
    pub changed: BTreeSet<String>,
    /// Time spent in this laptop's store: numbering, reading and removing outbox batches,
    /// applying pulled pages (the rest of a sync is the network and the server).
    pub local: Duration,
}

/// Runs `f` on the store and adds how long it took to `local`.
fn timed<A: StoreAccess, T>(
    a: &A,
    local: &mut Duration,
    f: impl FnOnce(&mut Store) -> CoreResult<T>,
) -> CoreResult<T> {
    let t = Instant::now();
    let out = a.with_store(f);
    *local += t.elapsed();
    out
}

fn sync_err(e: SyncError) -> CoreError {
    CoreError::Sync(e)
}

/// `http://` only to this laptop itself; everything else must be `https://`.
pub fn check_server_url(url: &str) -> CoreResult<String> {
    let url = url.trim().trim_end_matches('/').to_string();
    let bad = |reason: &str| {
        CoreError::invalid(
            "server_url",
            reason.to_string(),
            "Vul het volledige adres van de regionale server in, beginnend met https:// \
             (bijvoorbeeld https://werkpad.regio.nl).",
        )
    };
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://") {
        let host = r.split(['/', ':']).next().unwrap_or("");
        let host = if r.starts_with('[') {
            r.split(']').next().unwrap_or("").trim_start_matches('[')
        } else {
            host
        };
        if !matches!(host, "127.0.0.1" | "localhost" | "::1") {
            return Err(bad("plain http only to loopback"));
        }
        r
    } else {
        return Err(bad("scheme must be https"));
    };
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err(bad("no host"));
    }
    Ok(url)
}

/// Links this laptop to a regional server with a one-time code; the device token is kept
/// inside the encrypted store.
pub async fn enrol<A: StoreAccess>(
    a: &A,
    input: &EnrolInput,
    device_name: &str,
) -> CoreResult<SyncStatus> {
    enrol_via(a, input, device_name, |url| Remote::new(url, None)).await
}

/// [`enrol`] over the remote `connect` makes for the checked server address.
pub async fn enrol_via<A: StoreAccess>(
    a: &A,
    input: &EnrolInput,
    device_name: &str,
    connect: impl FnOnce(&str) -> Result<Remote, SyncError>,
) -> CoreResult<SyncStatus> {
    let url = check_server_url(&input.server_url)?;
    let code = input.code.trim();
    if code.is_empty() {
        return Err(CoreError::invalid(
            "code",
            "empty",
            "Vul de koppelcode in die u van de functioneel beheerder kreeg.",
        ));
    }
    let device_id = a.with_store(|s| {
        if local::settings(s.conn())?.is_some() {
            return Err(CoreError::invalid(
                "server_url",
                "already enrolled",
                "Deze laptop is al gekoppeld met een regionale server.",
            ));
        }
        Ok(s.actor().device_id.clone())
    })?;
    let remote = connect(&url).map_err(sync_err)?;
    let req = EnrolRequest {
        code: code.to_string(),
        device_id,
        device_name: device_name.to_string(),
    };
    let resp = match remote.enrol(&req).await {
        Ok(r) => r,
        Err(SyncError::Offline(e)) => {
            return Err(CoreError::invalid(
                "server_url",
                format!("unreachable: {e}"),
                "Werkpad kan de regionale server op dit adres niet bereiken. Controleer het \
                 adres en de verbinding, en probeer het opnieuw.",
            ))
        }
        Err(
            e @ SyncError::Refused {
                code: SyncErrorCode::EnrolCodeInvalid,
                ..
            },
        ) => return Err(CoreError::invalid("code", e.to_string(), e.dutch_message())),
        Err(e) => return Err(sync_err(e)),
    };
    a.with_store(|s| {
        let now = s.clock().now().to_string();
        local::save_enrolment(s.conn(), &url, &resp, &now)?;
        log::info!("enrolled with {url} as {}", resp.user_name);
        status(s, false)
    })
}

/// Pushes everything waiting, then pulls everything new. A revoked laptop wipes itself.
pub async fn sync_now<A: StoreAccess>(a: &A) -> CoreResult<SyncReport> {
    sync_via(a, |s| Remote::new(&s.server_url, Some(s.token.clone()))).await
}

/// [`sync_now`] over the remote `connect` makes from the enrolment settings.
pub async fn sync_via<A: StoreAccess>(
    a: &A,
    connect: impl FnOnce(&Settings) -> Result<Remote, SyncError>,
) -> CoreResult<SyncReport> {
    let settings = a
        .with_store(|s| local::settings(s.conn()))?
        .ok_or(sync_err(SyncError::NotEnrolled))?;
    let remote = connect(&settings).map_err(sync_err)?;
    let mut report = SyncReport::default();
    // One larger cache for the whole sync: what the push read is still cached for the pull.
    let result = with_sync_cache(a, async {
        push_in_batches(a, &remote, PUSH_BATCH, &mut report).await?;
        pull_pages(a, &remote, None, &mut report).await?;
        verify::check(a, &remote, &mut report).await
    })
    .await;
    match &result {
        Ok(()) => a.with_store(|s| {
            let now = s.clock().now().to_string();
            local::record_outcome(s.conn(), &now, None)
        })?,
        Err(CoreError::Sync(
            e @ SyncError::Refused {
                code: SyncErrorCode::DeviceRevoked,
                ..
            },
        )) => {
            log::warn!("{e}");
            a.with_store(local::wipe)?;
        }
        Err(CoreError::Sync(e)) => {
            log::info!("sync did not complete: {e}");
            a.with_store(|s| {
                local::record_outcome(s.conn(), "", Some((e.stored_code(), &e.dutch_message())))
            })?;
        }
        Err(e) => log::error!("sync failed locally: {e}"),
    }
    result.map(|()| report)
}

/// Pushes the outbox in batches until the server has acknowledged all of it. While the
/// server stores one batch, this laptop removes the batch acknowledged before it and
/// numbers and reads the next one (one local transaction), so neither side waits for the
/// other's disk. Batches are still sent one at a time, in order.
pub async fn push_all<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    report: &mut SyncReport,
) -> CoreResult<()> {
    with_sync_cache(a, push_in_batches(a, remote, PUSH_BATCH, report)).await
}

/// Runs `work` with the larger page cache of a sync; the coach's smaller one returns after,
/// whatever the outcome.
async fn with_sync_cache<A: StoreAccess, T>(
    a: &A,
    work: impl std::future::Future<Output = CoreResult<T>>,
) -> CoreResult<T> {
    a.with_store(|s| s.set_cache_kib(crate::store::SYNC_CACHE_KIB))?;
    let out = work.await;
    if let Err(e) = a.with_store(|s| s.set_cache_kib(crate::store::CACHE_KIB)) {
        log::warn!("the page cache stayed at its sync size: {e}");
    }
    out
}

/// [`push_all`] with at most `size` operations a batch (tests push many small batches).
pub async fn push_in_batches<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    size: usize,
    report: &mut SyncReport,
) -> CoreResult<()> {
    let mut realigned = 0;
    let mut restamped = false;
    let mut batch = timed(a, &mut report.local, |s| local::next_encoded(s, size))?;
    let mut acked: Option<PushResponse> = None;
    loop {
        let Some(last) = batch.last else {
            if let Some(resp) = acked.take() {
                timed(a, &mut report.local, |s| local::acknowledged(s, &resp))?;
            }
            return Ok(());
        };
        let sent = batch.count as u64;
        let inflight = InFlight::push(remote, batch.body);
        let ahead = timed(a, &mut report.local, |s| {
            local::acknowledged_then_after(s, acked.take(), last, size)
        });
        let answer = inflight.answer().await;
        let ahead = ahead?;
        match answer {
            Ok(resp) => {
                if resp.acked_through < last {
                    return Err(sync_err(SyncError::Protocol(format!(
                        "acknowledged through {} of {last}",
                        resp.acked_through
                    ))));
                }
                report.pushed += sent;
                acked = Some(resp);
                batch = ahead;
                continue;
            }
            Err(SyncError::Refused {
                code: SyncErrorCode::PushGap,
                expected: Some(expected),
                ..
            }) if realigned < 3 => {
                log::warn!("server expects operation {expected} next; realigning");
                realigned += 1;
                a.with_store(|s| local::realign(s, expected))?;
            }
            Err(SyncError::Refused {
                code: SyncErrorCode::ClockAhead,
                server_time: Some(t),
                ..
            }) if !restamped
                && a.with_store(|s| s.restamp_outbox(t + MAX_CLOCK_AHEAD_SECS))? > 0 =>
            {
                // The laptop's clock was wrong when these were written and is right now.
                log::warn!("re-stamped operations written while the clock ran ahead");
                restamped = true;
            }
            Err(e) => return Err(sync_err(e)),
        }
        batch = timed(a, &mut report.local, |s| local::next_encoded(s, size))?;
    }
}

/// A push on its way in a task of its own, so the local work for the next batch runs
/// meanwhile. Dropped unanswered (the sync was cancelled), the request is abandoned like
/// a dropped connection: the server stored the batch or not, and a retry finds out.
struct InFlight(tokio::task::JoinHandle<Result<PushResponse, SyncError>>);

impl InFlight {
    fn push(remote: &Remote, body: Vec<u8>) -> InFlight {
        let remote = remote.clone();
        InFlight(tokio::spawn(async move { remote.push_encoded(body).await }))
    }

    async fn answer(mut self) -> Result<PushResponse, SyncError> {
        (&mut self.0)
            .await
            .unwrap_or_else(|e| Err(SyncError::Offline(format!("push task: {e}"))))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Pulls and applies pages until the server has nothing more. `fail_after` aborts the
/// apply of the first page after that many operations (tests: a crash mid-apply).
pub async fn pull_all<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    fail_after: Option<usize>,
    report: &mut SyncReport,
) -> CoreResult<()> {
    with_sync_cache(a, pull_pages(a, remote, fail_after, report)).await
}

async fn pull_pages<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    fail_after: Option<usize>,
    report: &mut SyncReport,
) -> CoreResult<()> {
    let out = pull_pages_deferring(a, remote, fail_after, report).await;
    if out.is_err() {
        // Set-aside indexes come back now, not only at the next pull or start.
        // (An offline laptop fails every background sync: only a read then.)
        let restored = a.with_store(|s| {
            if !deferred_indexes::deferred(s.conn())? {
                return Ok(false);
            }
            s.with_tx(|tx| deferred_indexes::restore(tx.conn()))
        });
        if let Err(e) = restored {
            log::warn!("indexes set aside for the pull stay so until the next start: {e}");
        }
    }
    out
}

/// Whether a pull whose first transaction brings `ops` operations, with more to come,
/// fills the bulk tables faster without their indexes: when they hold fewer rows than
/// that (a first sync, or one after a long time away), building the indexes once at the
/// end is cheaper than keeping them up to date record by record.
fn worth_deferring(store: &Store, ops: usize) -> CoreResult<bool> {
    let mut rows = 0;
    for t in deferred_indexes::BULK_TABLES {
        rows += store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                r.get::<_, i64>(0)
            })?;
    }
    Ok((rows as usize) < ops)
}

async fn pull_pages_deferring<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    fail_after: Option<usize>,
    report: &mut SyncReport,
) -> CoreResult<()> {
    let mut first = true;
    let stored_cursor = || -> CoreResult<u64> {
        Ok(a.with_store(|s| local::settings(s.conn()))?
            .ok_or(sync_err(SyncError::NotEnrolled))?
            .cursor)
    };
    let mut cursor = stored_cursor()?;
    let mut feed = prefetch::Feed::start(remote, cursor);
    loop {
        let mut page = feed.next().await.map_err(sync_err)?;
        // Pages that arrived while the previous ones were applied go in together, as one
        // larger page: one durable commit, and each index page written once, not per page.
        let mut failed = None;
        while page.has_more && page.ops.len() < APPLY_AT_ONCE {
            match feed.ready() {
                Some(Ok(more)) => {
                    page.ops.extend(more.ops);
                    page.next_cursor = more.next_cursor;
                    page.has_more = more.has_more;
                }
                Some(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                None => break,
            }
        }
        let t = Instant::now();
        let applied = a.with_store(|s| {
            let defer = first && page.has_more && worth_deferring(s, page.ops.len())?;
            local::apply_page(s, cursor, &page, fail_after, defer, report)
        });
        first = false;
        report.local += t.elapsed();
        applied?;
        if let Some(e) = failed {
            return Err(sync_err(e));
        }
        if !page.has_more {
            return Ok(());
        }
        let now = stored_cursor()?;
        if now != page.next_cursor {
            // Another sync moved the cursor meanwhile: go on from where it stands.
            feed = prefetch::Feed::start(remote, now);
        }
        cursor = now;
    }
}

/// The status for the header. `busy` is known only to the caller running the sync.
pub fn status(store: &Store, busy: bool) -> CoreResult<SyncStatus> {
    let conn = store.conn();
    let Some(s) = local::settings(conn)? else {
        return Ok(SyncStatus {
            phase: SyncPhase::NotEnrolled,
            server_url: None,
            user_name: None,
            last_sync_time: None,
            pending: 0,
            conflicts: 0,
            notices: notices::count(conn)?,
            last_error: None,
        });
    };
    let phase = if busy {
        SyncPhase::Busy
    } else {
        match s.last_error_code.as_deref() {
            None => SyncPhase::Idle,
            Some("OFFLINE") => SyncPhase::Offline,
            Some(_) => SyncPhase::Error,
        }
    };
    let last_sync_time = s
        .last_sync_at
        .as_deref()
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .map(|t| {
            t.to_zoned_datetime(amsterdam())
                .strftime("%H:%M")
                .to_string()
        });
    Ok(SyncStatus {
        phase,
        server_url: Some(s.server_url),
        user_name: Some(s.user_name),
        last_sync_time,
        pending: local::pending(conn)?,
        conflicts: local::count_open_conflicts(conn)?,
        notices: notices::count(conn)?,
        last_error: s.last_error,
    })
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn record_label(store: &Store, entity: &str, id: &str) -> String {
    let label = match entity {
        "employer" => store
            .conn()
            .query_row("SELECT name FROM employers WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .ok(),
        "candidate" => crate::store::candidates::name(store.conn(), id)
            .ok()
            .flatten(),
        _ => None,
    };
    label.unwrap_or_else(|| id.to_string())
}

/// Open conflicts, oldest first, with both values and who wrote them.
pub fn conflicts(store: &Store) -> CoreResult<Vec<ConflictView>> {
    let me = store.actor().device_id.clone();
    let side = |text: &str| -> CoreResult<ConflictSideView> {
        let s: ConflictSide = serde_json::from_str(text)
            .map_err(|e| CoreError::Internal(format!("conflict side: {e}")))?;
        Ok(ConflictSideView {
            value: display(&s.value),
            user: s.user,
            mine: s.device_id == me,
        })
    };
    local::open_conflicts(store.conn())?
        .into_iter()
        .map(|(id, entity, entity_id, field, w, l, at)| {
            let detected_at = notices::dutch_moment(&at);
            Ok(ConflictView {
                record_label: record_label(store, &entity, &entity_id),
                id,
                entity,
                entity_id,
                field,
                winner: side(&w)?,
                loser: side(&l)?,
                detected_at,
            })
        })
        .collect()
}

/// Resolves a conflict: the choice is written as the conflict's `resolution` and the kept
/// value as a normal change of the field (with the field's current `base_seq`), both in
/// one transaction; both sync like any change.
pub fn resolve(store: &mut Store, input: &ResolveConflictInput) -> CoreResult<()> {
    let row: Option<(String, String, String, String, String, String)> = store
        .conn()
        .query_row(
            "SELECT entity, entity_id, field, winner, loser, resolution FROM conflicts
             WHERE id = ?1",
            [&input.id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .ok();
    let Some((entity, entity_id, field, winner, loser, resolution)) = row else {
        return Err(CoreError::NotFound(format!("conflict {}", input.id)));
    };
    if !resolution.is_empty() {
        return Ok(()); // resolved already (perhaps by a colleague)
    }
    let side = |text: &str| -> CoreResult<Value> {
        let side: ConflictSide = serde_json::from_str(text)
            .map_err(|e| CoreError::Internal(format!("conflict side: {e}")))?;
        Ok(side.value)
    };
    let (keep, kept) = match input.keep {
        ConflictKeep::Winner => ("winner", side(&winner)?),
        ConflictKeep::Loser => ("loser", side(&loser)?),
        ConflictKeep::Edited => {
            let text = input.edited.as_deref().unwrap_or("").trim();
            if text.is_empty() {
                return Err(CoreError::invalid(
                    "edited",
                    "empty",
                    "Vul de waarde in die moet blijven.",
                ));
            }
            if !side(&winner)?.is_string() && !side(&loser)?.is_string() {
                return Err(CoreError::invalid(
                    "edited",
                    "not a text field",
                    "Dit veld kan hier niet vrij worden ingevuld; kies een van beide waarden.",
                ));
            }
            ("edited", Value::String(text.to_string()))
        }
    };
    let by = store.actor().name.clone();
    store.with_tx(|tx| {
        tx.update(
            crate::store::Entity::Conflict,
            &input.id,
            &[("resolution", json!({"keep": keep, "value": kept, "by": by}))],
        )?;
        if let Some(e) = local::local_entity_pub(&entity) {
            let exists: bool = tx.conn().query_row(
                &format!("SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)", e.table()),
                [&entity_id],
                |r| r.get(0),
            )?;
            if exists && e.fields().contains(&field.as_str()) {
                tx.update(e, &entity_id, &[(field.as_str(), kept.clone())])?;
            }
        }
        Ok(())
    })
}
