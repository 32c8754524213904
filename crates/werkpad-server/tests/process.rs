//! The real binary on port 0: HTTPS with a certificate from files, the admin CLI on the
//! same database, real HTTP with reqwest (rustls), SIGTERM ends it cleanly.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use werkpad_proto::sync::{PROTOCOL_HEADER, PROTOCOL_VERSION};

const BIN: &str = env!("CARGO_BIN_EXE_werkpad-server");

fn admin(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(["admin", "--db"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "admin {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Starts the server and returns it with the address from its `LISTENING` line.
fn start(args: &[&str]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .arg("serve")
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("LISTENING ")
        .unwrap_or_else(|| panic!("first stdout line must be LISTENING <addr>, got {line:?}"))
        .to_string();
    (child, addr)
}

fn client(cert_der: Vec<u8>) -> reqwest::Client {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert_der.into()).unwrap();
    let cfg = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(cfg)
        .build()
        .unwrap()
}

#[tokio::test]
async fn binary_serves_https_syncs_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, ck.cert.pem()).unwrap();
    std::fs::write(&key, ck.signing_key.serialize_pem()).unwrap();

    admin(
        &db,
        &[
            "user", "add", "--name", "anna", "--role", "jobcoach", "--team", "noord",
        ],
    );
    assert!(admin(&db, &["user", "list"]).contains("anna\tjobcoach\tnoord"));
    let code = admin(&db, &["enrol-code", "--user", "anna"])
        .trim()
        .to_string();

    let (mut child, addr) = start(&[
        "--listen",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ]);
    let port = addr.rsplit(':').next().unwrap();
    let base = format!("https://localhost:{port}");
    let http = client(ck.cert.der().to_vec());

    let health: Value = http
        .get(format!("{base}/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");

    let enrol: Value = http
        .post(format!("{base}/v1/enrol"))
        .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
        .json(&json!({"code": code, "device_id": "dev-1", "device_name": "laptop"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = enrol["token"]
        .as_str()
        .expect("enrolment returns a token")
        .to_string();

    let now = jiff::Timestamp::now().as_second() as u64;
    let ops: Vec<Value> = (1..=300u64)
        .map(|i| {
            json!({"op_id": format!("op-{i}"), "device_id": "dev-1", "device_seq": i,
                   "entity": "employer", "entity_id": format!("emp-{i}"), "field": "name",
                   "value": format!("Werkgever {i}"), "hlc": format!("{:016x}:dev-1", (now << 32) + i),
                   "base_seq": null})
        })
        .collect();
    let push = |body: Value| {
        http.post(format!("{base}/v1/push"))
            .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let r = push(json!({ "ops": ops })).await.unwrap();
    assert_eq!(r.status(), 200);
    let ack: Value = r.json().await.unwrap();
    assert_eq!(ack["acked_through"], 300);

    let mut cursor = 0;
    let mut got = 0;
    loop {
        let page: Value = http
            .get(format!("{base}/v1/pull?cursor={cursor}&limit=100"))
            .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        got += page["ops"].as_array().unwrap().len();
        cursor = page["next_cursor"].as_u64().unwrap();
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(got, 300, "everything pushed comes back over real HTTPS");

    // A garbage body over the wire is a 4xx with a typed error, and the server lives on.
    let r = http
        .post(format!("{base}/v1/push"))
        .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
        .header("content-type", "application/json")
        .bearer_auth(&token)
        .body("{\"ops\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // The admin CLI works on the live database; revocation bites at the next request.
    assert!(admin(&db, &["device", "list"]).contains("dev-1"));
    admin(&db, &["device", "revoke", "dev-1"]);
    let r = push(json!({"ops": []})).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "DEVICE_REVOKED");
    let csv = admin(&db, &["audit", "export"]);
    assert!(
        csv.starts_with("id,at,actor,") && csv.contains(",revoke,"),
        "{csv}"
    );

    let st = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(
        status.success(),
        "SIGTERM is a clean shutdown, got {status}"
    );
}

#[test]
fn plain_http_off_loopback_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--listen", "0.0.0.0:0", "--db"])
        .arg(dir.path().join("x.db"))
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "plain HTTP on all interfaces must not start"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing plain HTTP") && err.contains("--tls-cert"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no LISTENING line when refusing");
}

#[tokio::test]
async fn serve_finishes_requests_in_flight_on_shutdown() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let store = werkpad_server::store::sqlite::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let state = werkpad_server::AppState::new(Arc::new(store));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(werkpad_server::serve(listener, state, async {
        let _ = rx.await;
    }));
    // A request whose body is still arriving when shutdown starts.
    let body = r#"{"code":"NOPE-NOPE-NOPE","device_id":"d1","device_name":"x"}"#;
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /v1/enrol HTTP/1.1\r\nhost: x\r\n{PROTOCOL_HEADER}: {PROTOCOL_VERSION}\r\n\
         content-type: application/json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    conn.write_all(&body.as_bytes()[..10]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    tx.send(()).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    conn.write_all(&body.as_bytes()[10..]).await.unwrap();
    let mut resp = String::new();
    conn.read_to_string(&mut resp).await.unwrap();
    assert!(
        resp.starts_with("HTTP/1.1 401") && resp.contains("ENROL_CODE_INVALID"),
        "the request in flight is answered in full during shutdown: {resp:?}"
    );
    tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .expect("serve returns after shutdown")
        .unwrap()
        .unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "nothing listens after shutdown"
    );
}

/// What a beheerder types to find, share and unshare a case, against the database a
/// laptop's push filled.
#[tokio::test]
async fn admin_shares_a_case_on_consent_from_the_command_line() {
    use werkpad_proto::sync::{Op, PushRequest};
    use werkpad_server::store::{Caller, NewDevice, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    for name in ["anna", "bram"] {
        admin(
            &db,
            &[
                "user", "add", "--name", name, "--role", "jobcoach", "--team", "noord",
            ],
        );
    }
    let code = admin(&db, &["enrol-code", "--user", "anna"]);
    {
        let store = werkpad_server::store::sqlite::SqliteStore::open(&db).unwrap();
        let now = jiff::Timestamp::now().as_second();
        let anna = store
            .enrol(
                &NewDevice {
                    code_hash: werkpad_server::auth::hash_enrol_code(code.trim()),
                    device_id: "dev-a".into(),
                    name: "laptop".into(),
                    secret_hash: "unused".into(),
                },
                now,
            )
            .await
            .unwrap();
        let ops = [("first_name", "Sanne"), ("last_name", "Bakker")]
            .into_iter()
            .enumerate()
            .map(|(i, (field, value))| Op {
                op_id: format!("op-{i}"),
                device_id: "dev-a".into(),
                device_seq: i as u64 + 1,
                entity: "candidate".into(),
                entity_id: "cand-1".into(),
                field: field.into(),
                value: json!(value),
                hlc: format!("{:016x}:dev-a", ((now as u64) << 32) + i as u64),
                base_seq: None,
                bases: Default::default(),
            })
            .collect();
        let caller = Caller {
            device_id: "dev-a".into(),
            user_id: anna.id,
            user_name: "anna".into(),
        };
        store.push(&caller, PushRequest { ops }, now).await.unwrap();
    }
    assert_eq!(
        admin(&db, &["case", "list", "--user", "anna"]),
        "cand-1\tSanne Bakker\towner anna\tshared with -\n",
        "the beheerder finds the case's id by its kandidaat's name"
    );
    let share = [
        "case",
        "share",
        "--candidate",
        "cand-1",
        "--with",
        "bram",
        "--consent-date",
        "2026-11-30",
        "--purpose",
        "begeleiding door de IPS-coach",
    ];
    assert!(admin(&db, &share).contains("shared with bram"));
    assert!(admin(&db, &["case", "list"]).contains("owner anna\tshared with bram"));
    let shares = admin(&db, &["case", "shares", "--candidate", "cand-1"]);
    assert!(
        shares.contains("consent 2026-11-30 by kandidaat: begeleiding door de IPS-coach")
            && shares.contains("current"),
        "the share is listed with its consent: {shares}"
    );
    let out = Command::new(BIN)
        .args(["admin", "--db"])
        .arg(&db)
        .args(share)
        .output()
        .unwrap();
    assert!(!out.status.success(), "sharing twice is refused");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bram already shares case cand-1"),
        "with a message the beheerder understands"
    );
    admin(
        &db,
        &["case", "unshare", "--candidate", "cand-1", "--with", "bram"],
    );
    let shares = admin(&db, &["case", "shares"]);
    assert!(shares.contains("ended"), "{shares}");
    let csv = admin(&db, &["audit", "export"]);
    assert!(
        csv.contains(",share,candidate,cand-1,") && csv.contains(",unshare,candidate,cand-1,"),
        "share and unshare are audited: {csv}"
    );
}
