//! Desktop notifications on a real notification daemon: the app runs on its own D-Bus
//! session bus with `dunst` on the test's Xvfb display, and `dbus-monitor` records what
//! reaches `org.freedesktop.Notifications`. After unlock the summary of what is over tijd
//! must arrive there exactly once, and dunst must answer it.
//!
//! Time is not faked: the placement starts eight weeks before the real today, so its first
//! nazorg contacts are over tijd on any day of the week the test runs.

use anyhow::{bail, Context, Result};
use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use werkpad_core::domain::dates::{local_day, to_dutch};
use werkpad_core::domain::reminders::Offset;
use werkpad_core::service::{candidates, nazorg, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{
    BenefitSituation, CandidateInput, ContractType, DueCase, PlacementInput, Role, Route,
    SetupInput,
};
use werkpad_tests::e2e::{fresh_data_dir, Desktop, WAIT};

const PASS: &str = "keukentafel-2026";

/// The bus, the daemon and the monitor, in one process group killed on drop.
struct Bus {
    group: Option<Pid>,
    children: Vec<Child>,
    address: String,
}

impl Bus {
    fn spawn(&mut self, cmd: &mut Command) -> Result<()> {
        let child = cmd
            .process_group(self.group.map_or(0, Pid::as_raw))
            .spawn()?;
        self.group.get_or_insert(Pid::from_raw(child.id() as i32));
        self.children.push(child);
        Ok(())
    }

    /// A private session bus; its address is read from the daemon's first line.
    fn start(artifacts: &Path) -> Result<Bus> {
        let mut bus = Bus {
            group: None,
            children: vec![],
            address: String::new(),
        };
        bus.spawn(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(std::fs::File::create(artifacts.join("dbus-daemon.log"))?),
        )
        .context("start dbus-daemon (apt-get install dbus-daemon)")?;
        let stdout = bus.children[0].stdout.take().context("daemon stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        bus.address = line.trim().to_string();
        if bus.address.is_empty() {
            bail!("dbus-daemon printed no address");
        }
        Ok(bus)
    }

    fn has_owner(&self, name: &str) -> bool {
        Command::new("dbus-send")
            .args([
                &format!("--bus={}", self.address),
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        if let Some(group) = self.group {
            let _ = killpg(group, Signal::SIGTERM);
            let deadline = Instant::now() + Duration::from_secs(3);
            for child in &mut self.children {
                while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            let _ = killpg(group, Signal::SIGKILL);
        }
        for child in &mut self.children {
            let _ = child.wait();
        }
    }
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) -> Result<()> {
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("timed out waiting for {what}")
}

/// A set-up store with one kandidaat placed eight weeks ago, made through the core;
/// returns (over tijd, vandaag) as the app will count them.
fn prepared(dir: &Path) -> (usize, usize) {
    let mut s = Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Sanne de Vries".into(),
            role: Role::Jobcoach,
            organisation: "Gemeente Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
    let id = candidates::create(
        &mut s,
        &CandidateInput {
            city: "Amersfoort".into(),
            benefit_situation: BenefitSituation::Bijstand,
            ..CandidateInput::named("Fatima", "", "El Amrani")
        },
    )
    .unwrap()
    .candidate
    .id;
    let today = local_day(werkpad_core::clock::system().now());
    nazorg::record_placement(
        &mut s,
        &PlacementInput {
            candidate_id: id,
            employer_name: "Groenbedrijf De Eik".into(),
            function_title: "Medewerker groenvoorziening".into(),
            started_on: to_dutch(Offset::Weeks(-8).add_to(today)),
            contract_type: ContractType::Tijdelijk,
            hours_per_week: 24,
            routes: vec![Route::Leerwerktraject],
            instruments: vec![],
            agreements: String::new(),
            risks: String::new(),
            fallback_plan: String::new(),
            beschut: false,
        },
    )
    .unwrap();
    let due = nazorg::due_list(&s).unwrap();
    let n = |cases: &[DueCase]| cases.iter().map(|c| c.items.len()).sum::<usize>();
    (n(&due.overdue), n(&due.due_today))
}

/// The summary as a coach should read it, written out here independently of the app.
fn expected_summary(overdue: usize, today: usize) -> String {
    let noun = |n: usize| if n == 1 { "opvolging" } else { "opvolgingen" };
    match (overdue, today) {
        (o, 0) => format!("{o} {} over tijd", noun(o)),
        (0, t) => format!("{t} {} vandaag", noun(t)),
        (o, t) => format!("{o} {} over tijd, {t} vandaag", noun(o)),
    }
}

/// The `Notify` calls in the monitor's log, each with its string arguments.
fn notify_calls(log: &str) -> Vec<Vec<String>> {
    let mut calls = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in log.lines() {
        if !line.starts_with(' ') {
            calls.extend(current.take());
            if line.starts_with("method call") && line.contains("member=Notify") {
                current = Some(vec![]);
            }
        } else if let Some(args) = current.as_mut() {
            if let Some(s) = line.trim().strip_prefix("string \"") {
                args.push(s.trim_end_matches('"').to_string());
            }
        }
    }
    calls.extend(current);
    calls
}

#[tokio::test]
async fn after_unlock_the_summary_reaches_a_real_notification_daemon_once() -> Result<()> {
    let dir = fresh_data_dir("notify")?;
    let (overdue, today) = prepared(&dir);
    assert!(
        overdue > 0,
        "a placement of eight weeks ago has follow-ups over tijd"
    );
    let summary = expected_summary(overdue, today);

    let artifacts = dir.with_extension("artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let mut bus = Bus::start(&artifacts)?;
    let address = bus.address.clone();
    let desktop = Desktop::start_with_env(&dir, &[("DBUS_SESSION_BUS_ADDRESS", address.as_str())])?;

    bus.spawn(
        Command::new("dunst")
            .env("DISPLAY", &desktop.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(artifacts.join("dunst.log"))?)
            .stderr(std::fs::File::create(artifacts.join("dunst.err"))?),
    )
    .context("start dunst (apt-get install dunst)")?;
    wait_for("dunst to own org.freedesktop.Notifications", || {
        bus.has_owner("org.freedesktop.Notifications")
    })?;

    let monitor_log = artifacts.join("dbus-monitor.log");
    bus.spawn(
        Command::new("dbus-monitor")
            .args([
                "--address",
                &address,
                "interface='org.freedesktop.Notifications'",
            ])
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&monitor_log)?)
            .stderr(std::fs::File::create(artifacts.join("dbus-monitor.err"))?),
    )
    .context("start dbus-monitor (apt-get install dbus-bin)")?;
    // The monitor prints the bus's NameLost/NameAcquired signal once it is listening.
    wait_for("dbus-monitor to listen", || {
        std::fs::metadata(&monitor_log).is_ok_and(|m| m.len() > 0)
    })?;

    let app = desktop.launch().await?;
    app.fill("#unlock-passphrase", PASS).await?;
    app.click("#unlock-submit").await?;
    app.wait("#current-user").await?;

    let read = || std::fs::read_to_string(&monitor_log).unwrap_or_default();
    let is_summary = |args: &Vec<String>| args.iter().any(|a| a == &summary);
    let start = Instant::now();
    while start.elapsed() < WAIT && !notify_calls(&read()).iter().any(is_summary) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Time for a second, wrong summary to show up too.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let log = read();
    let calls = notify_calls(&log);
    let summaries: Vec<_> = calls.iter().filter(|c| is_summary(c)).collect();
    assert_eq!(
        summaries.len(),
        1,
        "one Notify with {summary:?} after unlock; monitor saw:\n{log}"
    );
    assert!(
        summaries[0].iter().any(|a| a == "Werkpad"),
        "the summary is titled Werkpad: {:?}",
        summaries[0]
    );
    assert_eq!(
        calls.len(),
        1,
        "nothing but the summary at start (the rest is covered by it): {calls:?}"
    );
    assert!(
        !log.contains("El Amrani"),
        "no last names in notifications:\n{log}"
    );
    // dunst took it: shown now, or already in its history.
    let count = Command::new("dunstctl")
        .arg("count")
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .output()
        .context("dunstctl")?;
    let count = String::from_utf8_lossy(&count.stdout).to_string();
    let taken: u32 = count
        .lines()
        .filter_map(|l| l.rsplit(':').next()?.trim().parse::<u32>().ok())
        .sum();
    assert_eq!(taken, 1, "dunst holds the one notification: {count}");
    app.quit().await?;
    drop(desktop);
    drop(bus);
    Ok(())
}
