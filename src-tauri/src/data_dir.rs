//! Where the database and logs live: `--data-dir <path>` or `WERKPAD_DATA_DIR` (tests give
//! every run its own), else the OS's app-data folder for this app's identifier.

use std::path::PathBuf;

pub const ENV: &str = "WERKPAD_DATA_DIR";
const IDENTIFIER: &str = "nl.werkpad.desktop";

pub fn resolve() -> PathBuf {
    from_args(std::env::args().skip(1))
        .or_else(|| {
            std::env::var_os(ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| {
            dirs::data_dir()
                .unwrap_or_else(std::env::temp_dir)
                .join(IDENTIFIER)
        })
}

fn from_args(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(arg) = args.next() {
        if let Some(v) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_in_both_spellings() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            from_args(args(&["--data-dir", "/x"])),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(
            from_args(args(&["--data-dir=/y"])),
            Some(PathBuf::from("/y"))
        );
        assert_eq!(
            from_args(args(&["--other"])),
            None,
            "no flag: fall back to env or OS"
        );
    }
}
