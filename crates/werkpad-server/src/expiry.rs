//! Consent given for a limited time: the server ends such a share by itself the day after
//! the consent's last day, at start and then every hour, so no colleague keeps a case longer
//! than the kandidaat agreed to.

use crate::store::DynStore;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(3600);

/// Today in Dutch time, whatever zone the server runs in: consent is dated in Dutch days.
pub fn dutch_today() -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(tz).date()
}

/// Ends expired shares now and every hour while the server runs.
pub fn spawn(store: DynStore) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match store.expire_shares(dutch_today()).await {
                Ok(ended) => {
                    for e in ended {
                        tracing::info!(
                            candidate = %e.candidate_id,
                            user = %e.user_name,
                            "share ended: the consent expired"
                        );
                    }
                }
                Err(e) => tracing::warn!(error = %e, "ending expired shares failed"),
            }
            tokio::time::sleep(EVERY).await;
        }
    })
}
