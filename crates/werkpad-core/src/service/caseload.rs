use super::Session;
use crate::store::{candidates, employers};
use crate::{CoreError, CoreResult};
use werkpad_proto::{CandidateRow, EmployerRow, Page, PageInput};

pub const MAX_PAGE: u32 = 500;

fn check_page(p: PageInput) -> CoreResult<PageInput> {
    if p.limit == 0 || p.limit > MAX_PAGE {
        return Err(CoreError::invalid(
            "limit",
            format!("page size {} outside 1..={MAX_PAGE}", p.limit),
            "Er werd een ongeldig aantal regels gevraagd.",
        ));
    }
    Ok(p)
}

pub fn list_candidates(s: &Session, page: PageInput) -> CoreResult<Page<CandidateRow>> {
    let p = check_page(page)?;
    let conn = s.store.conn();
    Ok(Page {
        total: candidates::count(conn)?,
        items: candidates::page(conn, p.offset, p.limit)?,
    })
}

pub fn list_employers(s: &Session, page: PageInput) -> CoreResult<Page<EmployerRow>> {
    let p = check_page(page)?;
    let conn = s.store.conn();
    Ok(Page {
        total: employers::count(conn)?,
        items: employers::page(conn, p.offset, p.limit)?,
    })
}
