//! The hybrid logical clock (SYNC.md 6): its stamps only order concurrent writes. It reads
//! the store's injectable wall clock, so a laptop whose clock is wrong can be reproduced in
//! a test, and it never runs behind the last stamp it gave out or saw.

use crate::clock::SharedClock;
use jiff::Timestamp;
use std::sync::Mutex;

/// Stamps are NTP64 values: seconds since the Unix epoch in the high 32 bits, the
/// fraction of a second in the low 32.
pub struct Hlc {
    clock: SharedClock,
    last: Mutex<u64>,
}

pub fn ntp64(ts: Timestamp) -> u64 {
    let secs = ts.as_second().max(0) as u64;
    let frac = ((ts.subsec_nanosecond().max(0) as u64) << 32) / 1_000_000_000;
    (secs << 32) | frac
}

/// The time part of a stamp text `"<16 hex>:<device>"`.
pub fn parse_stamp(stamp: &str) -> Option<u64> {
    let hex = stamp.split(':').next()?;
    if hex.len() != 16 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

/// Sortable text form: 16 hex digits of time, then the device id that breaks ties.
pub fn stamp_text(time: u64, device_id: &str) -> String {
    format!("{time:016x}:{device_id}")
}

impl Hlc {
    pub fn new(clock: SharedClock, last: u64) -> Hlc {
        Hlc {
            clock,
            last: Mutex::new(last),
        }
    }

    fn last(&self) -> std::sync::MutexGuard<'_, u64> {
        self.last.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A new stamp, later than every stamp given out or observed before.
    pub fn next(&self) -> u64 {
        let wall = ntp64(self.clock.now());
        let mut last = self.last();
        *last = wall.max(*last + 1);
        *last
    }

    /// Moves past a stamp seen elsewhere, so the next local write orders after it.
    pub fn observe(&self, time: u64) {
        let mut last = self.last();
        *last = (*last).max(time);
    }

    /// Forgets stamps from a wall clock that was ahead and has since been set right: the
    /// server refused them, so nobody else holds them.
    pub fn rewind_to_wall(&self) {
        *self.last() = ntp64(self.clock.now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use std::sync::Arc;

    struct Fixed(Timestamp);
    impl Clock for Fixed {
        fn now(&self) -> Timestamp {
            self.0
        }
    }

    #[test]
    fn stamps_rise_even_when_the_wall_clock_stands_still_or_goes_back() {
        let t: Timestamp = "2026-03-01T10:00:00Z".parse().unwrap();
        let hlc = Hlc::new(Arc::new(Fixed(t)), 0);
        let a = hlc.next();
        let b = hlc.next();
        assert!(
            b > a,
            "two writes in the same instant must still be ordered"
        );
        hlc.observe(b + 1000);
        assert!(
            hlc.next() > b + 1000,
            "a write after seeing a later stamp must order after it"
        );
        assert_eq!(
            a >> 32,
            t.as_second() as u64,
            "the high half is Unix seconds"
        );
    }

    #[test]
    fn stamp_text_round_trips_and_sorts_like_time() {
        let s = stamp_text(0x1_0000_0000, "d");
        assert_eq!(parse_stamp(&s), Some(0x1_0000_0000));
        assert!(
            stamp_text(2, "a") > stamp_text(1, "z"),
            "time decides before device"
        );
    }
}
