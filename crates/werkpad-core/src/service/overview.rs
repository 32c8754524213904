use super::Session;
use crate::store::{candidates, employers, notes};
use crate::CoreResult;
use werkpad_proto::Overview;

pub fn overview(s: &Session) -> CoreResult<Overview> {
    let conn = s.store.conn();
    Ok(Overview {
        candidates: candidates::count(conn)?,
        employers: employers::count(conn)?,
        notes: notes::count(conn)?,
        by_phase: candidates::count_by_phase(conn)?,
        outbox_pending: conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?,
    })
}
