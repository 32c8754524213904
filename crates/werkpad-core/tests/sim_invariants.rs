//! The simulation's invariant checks are not vacuous: a replica changed behind sync's back,
//! a leftover of an erased record and a lost acknowledged operation are each caught.

mod sim;

use sim::world::{Template, World};
use werkpad_proto::sync::Op;

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// A quiet world with one employer everyone holds, checked clean first.
async fn quiet_world() -> World {
    let template = Template::build().await;
    let mut w = World::new(3, &template).await;
    w.laptops[0].create_employer("Bakkerij De Korrel");
    sim::steps::quiesce(&mut w).await.unwrap();
    sim::check::invariants(&w).expect("a quiet, untouched world is consistent");
    w
}

fn tamper(w: &World, l: usize, sql: &str) {
    w.laptops[l].with(|s| s.store.conn().execute_batch(sql).unwrap());
}

#[test]
fn a_replica_changed_behind_syncs_back_is_caught() {
    block_on(async {
        let w = quiet_world().await;
        tamper(&w, 1, "UPDATE employers SET city = 'Nergens'");
        let err = sim::check::invariants(&w).expect_err("a diverged replica must be caught");
        assert!(
            err.contains("field city"),
            "the report names the field: {err}"
        );
    });
}

#[test]
fn a_leftover_in_the_search_index_is_caught() {
    block_on(async {
        let w = quiet_world().await;
        tamper(
            &w,
            2,
            "INSERT INTO note_fts (rowid, body) VALUES (999, 'verwijderd')",
        );
        let err = sim::check::invariants(&w).expect_err("a stale search row must be caught");
        assert!(
            err.contains("note_fts"),
            "the report names the index: {err}"
        );
    });
}

#[test]
fn an_acknowledged_operation_the_server_lost_is_caught() {
    block_on(async {
        let w = quiet_world().await;
        let lost = Op {
            op_id: "never-logged".into(),
            device_id: "dev".into(),
            device_seq: 99,
            entity: "employer".into(),
            entity_id: "emp-x".into(),
            field: "city".into(),
            value: serde_json::json!("Assen"),
            hlc: "0000000100000000:dev".into(),
            base_seq: None,
            bases: Default::default(),
        };
        w.wire
            .stored
            .lock()
            .unwrap()
            .insert(lost.op_id.clone(), lost);
        let err = sim::check::invariants(&w).expect_err("a lost operation must be caught");
        assert!(
            err.contains("never-logged"),
            "the report names the operation: {err}"
        );
    });
}
