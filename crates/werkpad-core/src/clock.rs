//! The wall clock, injectable so schedules and tests can move time.

use jiff::{tz::TimeZone, Timestamp, ZonedDateTime};
use std::sync::Arc;

pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// A clock set by hand, for tests and tools that replay a day: clones share one "now", so
/// the test keeps a clone and moves time for the store that holds the other.
#[derive(Clone)]
pub struct ManualClock(Arc<std::sync::Mutex<Timestamp>>);

impl ManualClock {
    /// At 12:00 in Amsterdam (11:00 UTC in winter) of `day`, `jjjj-mm-dd`.
    pub fn at(day: &str) -> ManualClock {
        ManualClock(Arc::new(std::sync::Mutex::new(noon(day))))
    }

    pub fn set(&self, day: &str) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = noon(day);
    }
}

fn noon(day: &str) -> Timestamp {
    format!("{day}T11:00:00Z")
        .parse()
        .unwrap_or_else(|e| panic!("{day} is not a jjjj-mm-dd date: {e}"))
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

/// Dutch users think in Amsterdam time, whatever the laptop is set to.
pub fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").expect("the bundled tz database knows Europe/Amsterdam")
}

/// dd-mm-jjjj of an instant, in Europe/Amsterdam.
pub fn dutch_date(ts: Timestamp) -> String {
    let z: ZonedDateTime = ts.to_zoned_datetime(amsterdam());
    z.strftime("%d-%m-%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_date_uses_amsterdam_not_utc() {
        // 23:30 UTC on 31 March 2026 is already 1 April in Amsterdam (CEST, +2).
        let ts: Timestamp = "2026-03-31T23:30:00Z".parse().unwrap();
        assert_eq!(dutch_date(ts), "01-04-2026", "a coach reads the local date");
    }
}
