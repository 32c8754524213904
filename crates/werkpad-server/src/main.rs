//! `werkpad-server serve …` and `werkpad-server admin …`.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use werkpad_proto::sync::UserRole;
use werkpad_server::admin::{self, AdminCommand};
use werkpad_server::{store, tls, AppState};

#[derive(Parser)]
#[command(
    name = "werkpad-server",
    version,
    about = "Werkpad regional sync server"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// SQLite database file (the default store; created when missing).
    #[arg(
        long,
        default_value = "werkpad-server.db",
        conflicts_with = "database_url"
    )]
    db: PathBuf,
    /// PostgreSQL instead of SQLite, e.g. postgres://user:pass@host/db.
    #[arg(long, env = "WERKPAD_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the server.
    Serve {
        /// Address to listen on; port 0 picks a free port (printed as `LISTENING <addr>`).
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: SocketAddr,
        #[command(flatten)]
        db: DbArgs,
        /// PEM certificate chain; with --tls-key enables HTTPS.
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// PEM private key.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Log as JSON lines instead of text.
        #[arg(long)]
        log_json: bool,
    },
    /// Manage users, enrolment codes, devices, erasure and the audit log.
    Admin {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        cmd: AdminCmd,
    },
}

#[derive(Subcommand)]
enum AdminCmd {
    /// Users.
    User {
        #[command(subcommand)]
        cmd: UserCmd,
    },
    /// Print a one-time enrolment code for a user.
    EnrolCode {
        #[arg(long)]
        user: String,
        #[arg(long, default_value_t = 24)]
        valid_hours: u32,
    },
    /// Devices.
    Device {
        #[command(subcommand)]
        cmd: DeviceCmd,
    },
    /// Remove a candidate's personal data from the server (AVG erasure).
    ErasePerson { candidate_id: String },
    /// Audit log.
    Audit {
        #[command(subcommand)]
        cmd: AuditCmd,
    },
    /// Cases: find one, share it with a colleague (with consent), end a share, move it.
    Case {
        #[command(subcommand)]
        cmd: CaseCmd,
    },
}

#[derive(Subcommand)]
enum CaseCmd {
    /// Cases with their owner and the colleagues they are shared with.
    List {
        /// Only the cases this user owns or shares.
        #[arg(long)]
        user: Option<String>,
    },
    /// Share a case with a colleague, on the kandidaat's consent.
    Share {
        #[arg(long)]
        candidate: String,
        /// The colleague's user name.
        #[arg(long = "with")]
        with: String,
        /// The day the consent was given, jjjj-mm-dd.
        #[arg(long)]
        consent_date: String,
        /// What the consent covers.
        #[arg(long)]
        purpose: String,
        /// Who gave it.
        #[arg(long, default_value = "kandidaat")]
        given_by: String,
        /// The last day the consent holds, jjjj-mm-dd, when it was given for a limited
        /// time; the share ends by itself after that day.
        #[arg(long)]
        until: Option<String>,
    },
    /// End now the shares whose consent has run out (the server also does this every hour).
    Expire,
    /// End a share; the colleague's laptops remove the case at their next sync.
    Unshare {
        #[arg(long)]
        candidate: String,
        #[arg(long = "with")]
        with: String,
    },
    /// Give a case another owner; the previous owner's laptops remove it.
    Reassign {
        #[arg(long)]
        candidate: String,
        #[arg(long)]
        to: String,
    },
    /// Shares, current and ended, with the consent each rests on.
    Shares {
        #[arg(long)]
        candidate: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCmd {
    Add {
        #[arg(long)]
        name: String,
        /// jobcoach, accountmanager, teamleider or beheerder.
        #[arg(long, value_parser = parse_role)]
        role: UserRole,
        #[arg(long)]
        team: Option<String>,
    },
    List,
    /// Moves a user to another team; the teamleiders who see its cases follow.
    Team {
        #[arg(long)]
        name: String,
        /// The new team; leave out to take the user out of every team.
        #[arg(long)]
        team: Option<String>,
    },
}

#[derive(Subcommand)]
enum DeviceCmd {
    List,
    Revoke { device_id: String },
}

#[derive(Subcommand)]
enum AuditCmd {
    /// CSV to stdout.
    Export,
}

fn parse_role(s: &str) -> Result<UserRole, String> {
    UserRole::parse(s)
        .ok_or_else(|| "one of jobcoach, accountmanager, teamleider, beheerder".into())
}

fn case_command(cmd: CaseCmd) -> AdminCommand {
    match cmd {
        CaseCmd::List { user } => AdminCommand::CaseList { user },
        CaseCmd::Share {
            candidate,
            with,
            consent_date,
            purpose,
            given_by,
            until,
        } => AdminCommand::CaseShare {
            candidate_id: candidate,
            user: with,
            consent: store::case_scope::Consent {
                date: consent_date,
                purpose,
                given_by,
                until,
            },
        },
        CaseCmd::Expire => AdminCommand::CaseExpire,
        CaseCmd::Unshare { candidate, with } => AdminCommand::CaseUnshare {
            candidate_id: candidate,
            user: with,
        },
        CaseCmd::Reassign { candidate, to } => AdminCommand::CaseReassign {
            candidate_id: candidate,
            to,
        },
        CaseCmd::Shares { candidate } => AdminCommand::CaseShares {
            candidate_id: candidate,
        },
    }
}

fn init_logs(json: bool, default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        b.json().init();
    } else {
        b.init();
    }
}

/// A listening socket with room for a region's laptops connecting at once (after a
/// network outage, say): with the usual backlog of 128 the kernel drops further
/// connection attempts, and each of those laptops waits a second before trying again.
fn bind(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)?.into_std()
}

async fn open(db: &DbArgs) -> anyhow::Result<store::DynStore> {
    store::open(Some(&db.db), db.database_url.as_deref()).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Serve {
            listen,
            db,
            tls_cert,
            tls_key,
            log_json,
        } => {
            init_logs(log_json, "info");
            let tls = match (tls_cert, tls_key) {
                (Some(c), Some(k)) => Some(tls::server_config(&c, &k)?),
                _ => {
                    tls::check_plain_allowed(listen)?;
                    None
                }
            };
            let store = open(&db).await.context("opening the store")?;
            let state = AppState::new(store.clone());
            werkpad_server::expiry::spawn(store.clone());
            let listener = bind(listen).with_context(|| format!("binding {listen}"))?;
            let addr = listener.local_addr()?;
            tracing::info!(%addr, store = store.kind(), tls = tls.is_some(), "listening");
            println!("LISTENING {addr}");
            use std::io::Write;
            std::io::stdout().flush()?;
            match tls {
                Some(cfg) => {
                    werkpad_server::serve_tls(
                        listener,
                        state,
                        cfg,
                        werkpad_server::shutdown_signal(),
                        std::time::Duration::from_secs(30),
                    )
                    .await?
                }
                None => {
                    listener.set_nonblocking(true)?;
                    let listener = tokio::net::TcpListener::from_std(listener)?;
                    werkpad_server::serve(listener, state, werkpad_server::shutdown_signal())
                        .await?
                }
            }
            tracing::info!("stopped");
            Ok(())
        }
        Cmd::Admin { db, cmd } => {
            init_logs(false, "warn");
            let store = open(&db).await.context("opening the store")?;
            let cmd = match cmd {
                AdminCmd::User {
                    cmd: UserCmd::Add { name, role, team },
                } => AdminCommand::UserAdd { name, role, team },
                AdminCmd::User { cmd: UserCmd::List } => AdminCommand::UserList,
                AdminCmd::User {
                    cmd: UserCmd::Team { name, team },
                } => AdminCommand::UserTeam { name, team },
                AdminCmd::EnrolCode { user, valid_hours } => {
                    AdminCommand::EnrolCode { user, valid_hours }
                }
                AdminCmd::Device {
                    cmd: DeviceCmd::List,
                } => AdminCommand::DeviceList,
                AdminCmd::Device {
                    cmd: DeviceCmd::Revoke { device_id },
                } => AdminCommand::DeviceRevoke { device_id },
                AdminCmd::ErasePerson { candidate_id } => {
                    AdminCommand::ErasePerson { candidate_id }
                }
                AdminCmd::Audit {
                    cmd: AuditCmd::Export,
                } => AdminCommand::AuditExport,
                AdminCmd::Case { cmd } => case_command(cmd),
            };
            let mut out = std::io::stdout().lock();
            if let Err(e) = admin::run(&store, cmd, &mut out).await {
                match e {
                    werkpad_server::AppError::Refused { message, .. } => {
                        eprintln!("error: {message}")
                    }
                    other => eprintln!("error: {other}"),
                }
                std::process::exit(1);
            }
            Ok(())
        }
    }
}
