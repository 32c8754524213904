//! Multi-row INSERTs: one statement execution writes many rows, which for a push of
//! thousands of operations saves most of SQLite's per-statement work (step, reset,
//! journal bookkeeping) per row.

use crate::error::AppResult;
use rusqlite::{Connection, Statement};

/// Rows per statement for full chunks; with at most a dozen columns the parameters stay
/// far below SQLite's limit.
const CHUNK: usize = 64;

/// Inserts `rows` as `{head} VALUES (…), (…) {tail}`, `cols` parameters a row; `bind`
/// binds one row's values starting at the given one-based parameter index. Full chunks go
/// through one cached statement, the rest through the cached one-row statement.
pub(super) fn insert_rows<T>(
    conn: &Connection,
    head: &str,
    cols: usize,
    tail: &str,
    rows: &[T],
    bind: impl Fn(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
) -> AppResult<()> {
    let mut chunks = rows.chunks_exact(CHUNK);
    if rows.len() >= CHUNK {
        let mut st = conn.prepare_cached(&insert_sql(head, cols, CHUNK, tail))?;
        for chunk in &mut chunks {
            for (k, row) in chunk.iter().enumerate() {
                bind(&mut st, k * cols + 1, row)?;
            }
            st.raw_execute()?;
        }
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut st = conn.prepare_cached(&insert_sql(head, cols, 1, tail))?;
        for row in rest {
            bind(&mut st, 1, row)?;
            st.raw_execute()?;
        }
    }
    Ok(())
}

fn insert_sql(head: &str, cols: usize, rows: usize, tail: &str) -> String {
    let one = format!("({})", vec!["?"; cols].join(", "));
    format!("{head} VALUES {} {tail}", vec![one; rows].join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_lands_once_whatever_the_chunking() {
        // Full chunks and the rest take different statements; both must bind every row at
        // its own parameters, and an upsert tail must apply per row.
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            .unwrap();
        for n in [0usize, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 5] {
            c.execute("DELETE FROM t", []).unwrap();
            let rows: Vec<(i64, String)> = (0..n as i64).map(|k| (k, format!("v{k}"))).collect();
            let bind = |st: &mut Statement<'_>, at: usize, r: &(i64, String)| {
                st.raw_bind_parameter(at, r.0)?;
                st.raw_bind_parameter(at + 1, r.1.as_str())
            };
            let head = "INSERT INTO t (k, v)";
            let tail = "ON CONFLICT (k) DO UPDATE SET v = excluded.v || '!'";
            insert_rows(&c, head, 2, tail, &rows, bind).unwrap();
            insert_rows(&c, head, 2, tail, &rows, bind).unwrap();
            let got: Vec<(i64, String)> = c
                .prepare("SELECT k, v FROM t ORDER BY k")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let want: Vec<(i64, String)> =
                rows.iter().map(|(k, v)| (*k, format!("{v}!"))).collect();
            assert_eq!(
                got, want,
                "{n} rows: each inserted once, then updated once by the tail"
            );
        }
    }
}
