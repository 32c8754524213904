//! The real `werkpad-server` binary as a child process: `serve` on loopback port 0 (the
//! address comes from its `LISTENING` line), the admin CLI on the same database, and the
//! peak memory the kernel recorded for the serving process.

use anyhow::{anyhow, bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// `WERKPAD_SERVER_BIN`, else the `werkpad-server` built beside the running binary (a
/// release benchmark uses the release server).
pub fn server_binary() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("WERKPAD_SERVER_BIN") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .ok_or_else(|| anyhow!("{exe:?} has no folder"))?;
    // A test binary lives one folder deeper, in `deps/`.
    let dir = if dir.ends_with("deps") {
        dir.parent().unwrap_or(dir)
    } else {
        dir
    };
    let bin = dir.join("werkpad-server");
    if !bin.exists() {
        bail!(
            "{bin:?} is missing: build it with `cargo build --release -p werkpad-server` \
             or set WERKPAD_SERVER_BIN"
        );
    }
    Ok(bin)
}

/// Where a server keeps its data: `--db <file>` or `--database-url <url>`.
#[derive(Clone)]
pub struct ServerDb(Vec<String>);

impl ServerDb {
    pub fn sqlite(path: &std::path::Path) -> ServerDb {
        ServerDb(vec!["--db".into(), path.to_string_lossy().into_owned()])
    }

    pub fn postgres(url: &str) -> ServerDb {
        ServerDb(vec!["--database-url".into(), url.into()])
    }

    /// Runs `werkpad-server admin <db> <args>` and returns its standard output.
    pub fn admin(&self, args: &[&str]) -> Result<String> {
        let out = Command::new(server_binary()?)
            .arg("admin")
            .args(&self.0)
            .args(args)
            .output()?;
        if !out.status.success() {
            bail!(
                "admin {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8(out.stdout)?)
    }

    pub fn add_user(&self, name: &str, role: &str, team: &str) -> Result<()> {
        self.admin(&[
            "user", "add", "--name", name, "--role", role, "--team", team,
        ])?;
        Ok(())
    }

    /// A fresh one-time enrolment code for `user`.
    pub fn enrol_code(&self, user: &str) -> Result<String> {
        Ok(self
            .admin(&["enrol-code", "--user", user])?
            .trim()
            .to_string())
    }
}

/// A running server; stopped with SIGTERM (a clean shutdown) when dropped.
pub struct ServerProcess {
    child: Child,
    pub url: String,
    pub db: ServerDb,
}

impl ServerProcess {
    pub fn start(db: ServerDb) -> Result<ServerProcess> {
        ServerProcess::start_at(db, "127.0.0.1:0")
    }

    /// Starts on a given address, e.g. the one of a server stopped earlier (laptops keep
    /// the address they enrolled with).
    pub fn start_at(db: ServerDb, listen: &str) -> Result<ServerProcess> {
        let mut child = Command::new(server_binary()?)
            .args(["serve", "--listen", listen])
            .args(&db.0)
            // WERKPAD_SERVER_LOG=info shows every request with its duration (profiling).
            .env(
                "RUST_LOG",
                std::env::var("WERKPAD_SERVER_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdout(Stdio::piped())
            .spawn()
            .context("starting werkpad-server")?;
        let mut line = String::new();
        let stdout = child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?;
        BufReader::new(stdout).read_line(&mut line)?;
        let Some(addr) = line.trim().strip_prefix("LISTENING ") else {
            let _ = child.kill();
            bail!("werkpad-server did not print LISTENING <addr>, but {line:?}");
        };
        Ok(ServerProcess {
            url: format!("http://{addr}"),
            child,
            db,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Peak resident memory of the server so far (`VmHWM`), in MiB.
    pub fn peak_rss_mb(&self) -> Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))?;
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| anyhow!("no VmHWM line in /proc/{}/status", self.pid()))?;
        Ok(kb / 1024.0)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        use nix::sys::signal::{kill, Signal};
        use nix::unistd::Pid;
        let _ = kill(Pid::from_raw(self.child.id() as i32), Signal::SIGTERM);
        let _ = self.child.wait();
    }
}
