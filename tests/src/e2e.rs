//! End-to-end harness: the real app binary in a real window (WebKitGTK on its own Xvfb
//! display), driven over WebDriver through `tauri-driver` + `WebKitWebDriver`.
//!
//! Every [`Desktop`] starts Xvfb and tauri-driver in one fresh process group and kills the
//! whole group when dropped: killing only tauri-driver would leave WebKitWebDriver on its
//! port, and the next run would silently talk to the stale one.

use crate::paths;
use anyhow::{anyhow, bail, Context, Result};
use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// WebKit is heavy on two cores: one desktop at a time per test binary.
static SERIAL: Mutex<()> = Mutex::new(());

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Desktop {
    group: Pid,
    children: Vec<Child>,
    port: u16,
    data_dir: PathBuf,
    pub artifacts: PathBuf,
    /// The Xvfb display, `:N`.
    pub display: String,
    /// Held by the first desktop of a test; a second one started alongside it holds none.
    _serial: Option<MutexGuard<'static, ()>>,
}

/// Two distinct free ports: both listeners are held until both are known, so the OS
/// cannot hand the same port out twice.
fn free_ports() -> Result<(u16, u16)> {
    let a = std::net::TcpListener::bind("127.0.0.1:0")?;
    let b = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok((a.local_addr()?.port(), b.local_addr()?.port()))
}

fn listening(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
}

fn wait_until(what: &str, timeout: Duration, mut ok: impl FnMut() -> bool) -> Result<()> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    bail!("timed out after {timeout:?} waiting for {what}")
}

impl Desktop {
    /// Starts a display and a driver for an app whose data lives in `data_dir`.
    pub fn start(data_dir: &Path) -> Result<Desktop> {
        Desktop::start_with_env(data_dir, &[])
    }

    /// As [`Desktop::start`], with extra environment for tauri-driver and so for the app
    /// (e.g. `DBUS_SESSION_BUS_ADDRESS`).
    pub fn start_with_env(data_dir: &Path, env: &[(&str, &str)]) -> Result<Desktop> {
        let serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        Desktop::launch_driver(data_dir, env, Some(serial))
    }

    /// A second desktop in the same test (two colleagues' laptops), on its own display and
    /// driver, with its own data folder. Drop it before `_first`.
    pub fn start_alongside(_first: &Desktop, data_dir: &Path) -> Result<Desktop> {
        Desktop::launch_driver(data_dir, &[], None)
    }

    fn launch_driver(
        data_dir: &Path,
        env: &[(&str, &str)],
        serial: Option<MutexGuard<'static, ()>>,
    ) -> Result<Desktop> {
        let app = paths::app_binary();
        if !app.exists() {
            bail!(
                "the app binary {} is missing: build it first with \
                 `cargo build --workspace --all-targets` (after `npm --prefix ui run build`)",
                app.display()
            );
        }
        let artifacts = data_dir.with_extension("artifacts");
        std::fs::create_dir_all(&artifacts)?;
        let (xvfb, display) = start_xvfb(&artifacts)?;
        let group = Pid::from_raw(xvfb.id() as i32);
        let mut desktop = Desktop {
            group,
            children: vec![xvfb],
            port: 0,
            data_dir: data_dir.to_path_buf(),
            artifacts: artifacts.clone(),
            display: display.clone(),
            _serial: serial,
        };
        let (port, native_port) = free_ports()?;
        let log = std::fs::File::create(artifacts.join("tauri-driver.log"))?;
        let driver = Command::new(paths::tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("WERKPAD_DATA_DIR", data_dir)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(group.as_raw())
            .spawn()
            .context("start tauri-driver (cargo install tauri-driver --version '^2' --locked)")?;
        desktop.children.push(driver);
        desktop.port = port;
        // tauri-driver listens before the WebKitWebDriver it spawns does; a session
        // request in between is dropped without an answer (seen in CI as SendRequest).
        wait_until("tauri-driver to listen", WAIT, || listening(port))?;
        wait_until("WebKitWebDriver to listen", WAIT, || listening(native_port))?;
        Ok(desktop)
    }

    /// Process ids of the app running on this desktop's data folder.
    pub fn app_pids(&self) -> Vec<i32> {
        let needle = self.data_dir.to_string_lossy().to_string();
        let mut pids = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let args: Vec<String> = cmdline
                .split(|b| *b == 0)
                .map(|a| String::from_utf8_lossy(a).to_string())
                .collect();
            let is_app = args.first().is_some_and(|a| a.ends_with("werkpad-desktop"));
            if is_app && args.contains(&needle) {
                pids.push(pid);
            }
        }
        pids
    }

    /// The app and every process it started (the WebKit web and network processes).
    fn app_family(&self) -> Vec<i32> {
        let mut family: Vec<i32> = self.app_pids();
        let mut parents: Vec<(i32, i32)> = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
                continue;
            };
            if let Some(ppid) = kib_field(&status, "PPid:") {
                parents.push((pid, ppid as i32));
            }
        }
        let mut i = 0;
        while i < family.len() {
            let parent = family[i];
            family.extend(parents.iter().filter(|p| p.1 == parent).map(|p| p.0));
            i += 1;
        }
        family
    }

    /// Memory of the app's process family, in bytes: `rss` adds each process's resident
    /// set, so a shared library mapped by three processes counts three times; `pss` splits
    /// shared pages between the processes that map them, so the sum is what the family
    /// really occupies in RAM.
    pub fn app_memory(&self) -> AppMemory {
        let mut memory = AppMemory::default();
        for pid in self.app_family() {
            let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
                continue;
            };
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            let process = ProcessMemory {
                pid,
                name: name.trim().to_string(),
                rss: kib_field(&rollup, "Rss:").unwrap_or(0) * 1024,
                pss: kib_field(&rollup, "Pss:").unwrap_or(0) * 1024,
            };
            memory.rss += process.rss;
            memory.pss += process.pss;
            memory.processes.push(process);
        }
        memory
    }

    /// Kills the app with SIGKILL, as a dying laptop would: no chance to flush anything.
    pub fn kill_app(&self) -> Result<()> {
        let pids = self.app_pids();
        if pids.is_empty() {
            bail!("no running app found for {}", self.data_dir.display());
        }
        for pid in &pids {
            nix::sys::signal::kill(Pid::from_raw(*pid), Signal::SIGKILL)?;
        }
        wait_until("the killed app to disappear", WAIT, || {
            self.app_pids().is_empty()
        })
    }

    /// Launches the app and opens a WebDriver session on its window.
    pub async fn launch(&self) -> Result<App> {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": paths::app_binary(),
                "args": ["--data-dir", self.data_dir],
            }
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are an object"),
        };
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .context("open a WebDriver session on the app window")?;
        Ok(App {
            client,
            artifacts: self.artifacts.clone(),
            display: self.display.clone(),
        })
    }
}

/// See [`Desktop::app_memory`].
#[derive(Debug, Default, Clone)]
pub struct AppMemory {
    pub rss: u64,
    pub pss: u64,
    /// Each process of the family, so a report can say which one grew.
    pub processes: Vec<ProcessMemory>,
}

/// One process of the app's family, in bytes.
#[derive(Debug, Clone)]
pub struct ProcessMemory {
    pub pid: i32,
    /// Its `/proc/<pid>/comm`, e.g. `WebKitWebProces`.
    pub name: String,
    pub rss: u64,
    pub pss: u64,
}

/// A `Name:   123 kB` line of a /proc file, as the number.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

fn start_xvfb(artifacts: &Path) -> Result<(Child, String)> {
    let base = 100 + (std::process::id() % 400);
    for n in base..base + 50 {
        if Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let log = std::fs::File::create(artifacts.join("xvfb.log"))?;
        let mut child = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .spawn()
            .context("start Xvfb (apt-get install xvfb)")?;
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let up = wait_until("the Xvfb socket", Duration::from_secs(10), || {
            socket.exists() || matches!(child.try_wait(), Ok(Some(_)))
        });
        if up.is_ok() && child.try_wait()?.is_none() {
            return Ok((child, format!(":{n}")));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    bail!("no free X display found")
}

impl Drop for Desktop {
    fn drop(&mut self) {
        let _ = killpg(self.group, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(3);
        for child in &mut self.children {
            while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = killpg(self.group, Signal::SIGKILL);
        for child in &mut self.children {
            let _ = child.wait();
        }
    }
}

/// The app window under WebDriver, with the few moves a test needs.
pub struct App {
    pub client: Client,
    artifacts: PathBuf,
    /// The Xvfb display the window is on.
    display: String,
}

impl App {
    pub async fn wait(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("element {css} did not appear"))
    }

    /// Clicks, retrying while the element is re-rendered under the pointer (React may
    /// replace it between finding and clicking).
    pub async fn click(&self, css: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            let el = self.wait(css).await?;
            // Centre it first: scrolled to the top edge it would sit under the sticky header.
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                    vec![serde_json::to_value(&el)?],
                )
                .await;
            let err = match el.click().await {
                Ok(()) => return Ok(()),
                Err(e) => e,
            };
            if start.elapsed() > WAIT {
                return Err(anyhow!("click {css}: {err:?}"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn fill(&self, css: &str, text: &str) -> Result<()> {
        let el = self.wait(css).await?;
        el.clear().await?;
        el.send_keys(text)
            .await
            .with_context(|| format!("type into {css}"))
    }

    /// Moves the app to a screen by its address, e.g. `#/werkgevers/<id>/wijzigen`.
    pub async fn go(&self, hash: &str) -> Result<()> {
        self.client
            .execute("window.location.hash = arguments[0];", vec![json!(hash)])
            .await?;
        Ok(())
    }

    /// Waits until the input `css` holds `value` (a form filled from the store).
    pub async fn wait_value(&self, css: &str, value: &str) -> Result<()> {
        let start = Instant::now();
        let mut last = None;
        while start.elapsed() < WAIT {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                last = el.prop("value").await.ok().flatten();
                if last.as_deref() == Some(value) {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(anyhow!("{css} never held {value:?}; last {last:?}"))
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        Ok(self.wait(css).await?.text().await?)
    }

    /// How many elements match, now (zero when none does).
    pub async fn count(&self, css: &str) -> Result<u64> {
        let n = self
            .client
            .execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            )
            .await?;
        n.as_u64().context("a count")
    }

    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        Ok(self.wait(css).await?.attr(name).await?)
    }

    /// Waits until the element's text contains `needle`, and returns that text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < WAIT {
            if let Ok(els) = self.client.find_all(Locator::Css(css)).await {
                for el in els {
                    last = el.text().await.unwrap_or_default();
                    if last.contains(needle) {
                        return Ok(last);
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(anyhow!(
            "{css} never contained {needle:?}; last text {last:?}"
        ))
    }

    /// Waits until the element carries `name="value"`.
    pub async fn wait_attr(&self, css: &str, name: &str, value: &str) -> Result<()> {
        let start = Instant::now();
        let mut last = None;
        while start.elapsed() < WAIT {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                last = el.attr(name).await.ok().flatten();
                if last.as_deref() == Some(value) {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(anyhow!("{css} never had {name}={value:?}; last {last:?}"))
    }

    /// Runs axe-core (WCAG 2.1 A and AA rules) on the current screen; returns one line per
    /// violation.
    pub async fn axe_violations(&self) -> Result<Vec<String>> {
        let source = std::fs::read_to_string(paths::axe_script())
            .context("axe-core missing: run `npm ci` in ui/")?;
        self.client
            .execute(&source, vec![])
            .await
            .context("inject axe-core")?;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag',
                     values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' +
                       v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .context("run axe-core")?;
        Ok(serde_json::from_value(result)?)
    }

    /// Scrolls an element to the middle of the window, for a screenshot of it.
    pub async fn show(&self, css: &str) -> Result<()> {
        let el = self.wait(css).await?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&el)?],
            )
            .await?;
        Ok(())
    }

    /// Unlocks with the passphrase and waits for the app shell.
    pub async fn unlock_with(&self, passphrase: &str) -> Result<()> {
        self.fill("#unlock-passphrase", passphrase).await?;
        self.click("#unlock-submit").await?;
        self.wait("#current-user").await?;
        Ok(())
    }

    /// Lets the screen settle, then requires 0 axe violations and keeps a screenshot.
    pub async fn assert_accessible(&self, screen: &str) -> Result<()> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let violations = self.axe_violations().await?;
        assert!(
            violations.is_empty(),
            "{screen} must pass axe (WCAG 2.1 AA): {violations:#?}"
        );
        self.screenshot(screen).await?;
        Ok(())
    }

    /// Saves a PNG of the screen next to the test's data, for people to look at. It is the
    /// X server's picture (the window fills the display), not WebDriver's: WebKitGTK
    /// answers a WebDriver screenshot only after the page paints again, so on a page that
    /// has settled without GPU painting the call never returned and the session hung.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let path = self.artifacts.join(format!("{name}.png"));
        let status = tokio::process::Command::new("/usr/bin/import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .await
            .context("run ImageMagick's import (apt-get install imagemagick)")?;
        if !status.success() {
            bail!("import could not capture {}: {status}", self.display);
        }
        Ok(path)
    }

    /// Ends the session; the app quits with it.
    pub async fn quit(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}

/// A fresh data folder per test, kept under `target/e2e` for inspection after a failure.
pub fn fresh_data_dir(test: &str) -> Result<PathBuf> {
    let root = paths::repo_root().join("target/e2e");
    std::fs::create_dir_all(&root)?;
    let dir = root.join(format!("{test}-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let artifacts = dir.with_extension("artifacts");
    if artifacts.exists() {
        std::fs::remove_dir_all(&artifacts)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
