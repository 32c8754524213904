//! The caseload, search, and the employer list.

use super::candidates::today;
use super::Session;
use crate::store::{candidates, employers, search as fts};
use crate::{CoreError, CoreResult};
use werkpad_proto::{
    Caseload, CaseloadQuery, EmployerRow, Page, PageInput, SearchHit, SearchQuery,
};

pub const MAX_PAGE: u32 = 500;

fn check_limit(limit: u32) -> CoreResult<u32> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(CoreError::invalid(
            "limit",
            format!("page size {limit} outside 1..={MAX_PAGE}"),
            "Er werd een ongeldig aantal regels gevraagd.",
        ));
    }
    Ok(limit)
}

pub fn caseload(s: &Session, q: &CaseloadQuery) -> CoreResult<Caseload> {
    check_limit(q.limit)?;
    let conn = s.store.conn();
    let (total, items) = candidates::caseload(conn, q, today(s))?;
    Ok(Caseload {
        total,
        items,
        owners: candidates::owners(conn)?,
    })
}

pub fn search(s: &Session, q: &SearchQuery) -> CoreResult<Vec<SearchHit>> {
    check_limit(q.limit)?;
    if q.text.chars().count() > 200 {
        return Err(CoreError::invalid(
            "text",
            "query too long",
            "Zoek op hooguit 200 tekens.",
        ));
    }
    fts::search(s.store.conn(), &q.text, q.limit)
}

pub fn list_employers(s: &Session, page: PageInput) -> CoreResult<Page<EmployerRow>> {
    let limit = check_limit(page.limit)?;
    let conn = s.store.conn();
    Ok(Page {
        total: employers::count(conn)?,
        items: employers::page(conn, page.offset, limit)?,
    })
}
