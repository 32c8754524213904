//! `--name value` flags for the small command-line tools of this crate.

use anyhow::{anyhow, Result};
use std::collections::HashMap;

pub struct Args(HashMap<String, String>);

impl Args {
    /// Parses `--key value` and `--key=value`; anything else is an error naming it.
    pub fn parse(allowed: &[&str]) -> Result<Args> {
        let mut map = HashMap::new();
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            let body = arg
                .strip_prefix("--")
                .ok_or_else(|| anyhow!("unexpected argument {arg}"))?;
            let (key, value) = match body.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (
                    body.to_string(),
                    it.next().ok_or_else(|| anyhow!("--{body} needs a value"))?,
                ),
            };
            if !allowed.contains(&key.as_str()) {
                return Err(anyhow!(
                    "unknown flag --{key}; known: {}",
                    allowed.join(", ")
                ));
            }
            map.insert(key, value);
        }
        Ok(Args(map))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn num(&self, key: &str, default: u32) -> Result<u32> {
        self.get(key)
            .map(|v| v.parse().map_err(|e| anyhow!("--{key} {v}: {e}")))
            .unwrap_or(Ok(default))
    }
}
