//! The PouchDB side of the sync benchmark: `pouchdb-server` (in-memory, loopback) from
//! the npm package in `tests/pouchdb/`, and its `replicate.js`, which replays the Werkpad
//! scenarios on the same records and prints `BENCH pouchdb_…` lines.

use crate::paths::repo_root;
use anyhow::{anyhow, bail, Context, Result};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn package_dir() -> PathBuf {
    repo_root().join("tests/pouchdb")
}

/// A `pouchdb-server --in-memory` on a free loopback port, in its own process group so
/// that stopping it stops everything it started.
pub struct PouchServer {
    child: Child,
    pub url: String,
}

impl PouchServer {
    /// `workdir` receives the config and log files pouchdb-server insists on writing.
    pub fn start(workdir: &Path) -> Result<PouchServer> {
        let bin = package_dir().join("node_modules/.bin/pouchdb-server");
        if !bin.exists() {
            bail!("{bin:?} is missing: run `npm --prefix tests/pouchdb ci --ignore-scripts` first");
        }
        // pouchdb-server cannot report a port it picked itself, so take a free one.
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new(bin)
            .args(["--in-memory", "--host", "127.0.0.1", "--no-stdout-logs"])
            .args(["--port", &port.to_string()])
            .current_dir(workdir)
            .stdout(Stdio::null())
            .process_group(0)
            .spawn()
            .context("starting pouchdb-server")?;
        let server = PouchServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("pouchdb-server did not listen on port {port} within 30 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }

    /// Runs `replicate.js` against this server and returns its figures as
    /// (name, milliseconds), names without the `pouchdb_` prefix.
    pub fn replicate(&self, records: &Path, first: usize) -> Result<Vec<(String, f64)>> {
        let out = Command::new("node")
            .arg(package_dir().join("replicate.js"))
            .args(["--url", &self.url, "--first", &first.to_string()])
            .arg("--records")
            .arg(records)
            .stderr(Stdio::inherit())
            .output()
            .context("running node replicate.js")?;
        if !out.status.success() {
            bail!("replicate.js failed ({})", out.status);
        }
        String::from_utf8(out.stdout)?
            .lines()
            .map(|l| {
                let parts: Vec<&str> = l.split_whitespace().collect();
                match parts.as_slice() {
                    ["BENCH", name, value, "ms"] => Ok((
                        name.strip_prefix("pouchdb_").unwrap_or(name).to_string(),
                        value.parse()?,
                    )),
                    _ => Err(anyhow!("unexpected line from replicate.js: {l:?}")),
                }
            })
            .collect()
    }
}

impl Drop for PouchServer {
    fn drop(&mut self) {
        use nix::sys::signal::{killpg, Signal};
        use nix::unistd::Pid;
        let _ = killpg(Pid::from_raw(self.child.id() as i32), Signal::SIGTERM);
        let _ = self.child.wait();
    }
}
