//! `install.json`: what must be readable before unlock — the key-derivation salt and
//! parameters. It holds no personal data; everything else lives in the encrypted database.

use crate::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Argon2id cost. Stored per install so a later version can raise it without locking
/// anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// OWASP's first Argon2id recommendation (m=46 MiB would do; 64 MiB costs ~0.3 s here).
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
    /// Cheap parameters for unit tests only; never used by the app.
    pub const FOR_TESTS: KdfParams = KdfParams {
        memory_kib: 256,
        iterations: 1,
        parallelism: 1,
    };
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallFile {
    pub format: u32,
    /// Hex of 16 random bytes, made once at install.
    pub salt: String,
    pub kdf: KdfParams,
    pub created_at: String,
}

pub const INSTALL_FILE: &str = "install.json";

impl InstallFile {
    pub fn new(kdf: KdfParams, created_at: String) -> Self {
        let salt: [u8; 16] = rand::random();
        InstallFile {
            format: 1,
            salt: hex::encode(salt),
            kdf,
            created_at,
        }
    }

    pub fn salt_bytes(&self) -> CoreResult<Vec<u8>> {
        hex::decode(&self.salt).map_err(|e| CoreError::InstallFile(format!("salt: {e}")))
    }

    pub fn read(dir: &Path) -> CoreResult<Option<InstallFile>> {
        let path = dir.join(INSTALL_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| CoreError::InstallFile(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Written last during set-up, atomically (temp file + fsync + rename): its presence
    /// means the encrypted store beside it is complete.
    pub fn write(&self, dir: &Path) -> CoreResult<()> {
        let tmp = dir.join(format!("{INSTALL_FILE}.tmp"));
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| CoreError::Internal(format!("serialise install file: {e}")))?;
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, dir.join(INSTALL_FILE))?;
        Ok(())
    }
}
