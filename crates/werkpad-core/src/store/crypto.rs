//! Passphrase → database key, with Argon2id.

use super::install::KdfParams;
use crate::{CoreError, CoreResult};
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

pub type DbKey = Zeroizing<[u8; 32]>;

pub fn derive_key(passphrase: &str, salt: &[u8], kdf: KdfParams) -> CoreResult<DbKey> {
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|e| CoreError::Internal(format!("argon2 parameters: {e}")))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| CoreError::Internal(format!("argon2: {e}")))?;
    Ok(key)
}

/// The `PRAGMA key` literal for a raw 256-bit key: SQLCipher then skips its own PBKDF2,
/// because Argon2id already did the slow part.
pub fn pragma_key_literal(key: &DbKey) -> Zeroizing<String> {
    Zeroizing::new(format!("x'{}'", hex::encode(key.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_passphrase_and_salt_give_the_same_key_and_others_do_not() {
        let k1 = derive_key("correct horse", b"0123456789abcdef", KdfParams::FOR_TESTS).unwrap();
        let k2 = derive_key("correct horse", b"0123456789abcdef", KdfParams::FOR_TESTS).unwrap();
        let k3 = derive_key("correct horsE", b"0123456789abcdef", KdfParams::FOR_TESTS).unwrap();
        let k4 = derive_key("correct horse", b"fedcba9876543210", KdfParams::FOR_TESTS).unwrap();
        assert_eq!(*k1, *k2, "unlock must reproduce the key made at set-up");
        assert_ne!(*k1, *k3, "a different passphrase must not open the store");
        assert_ne!(*k1, *k4, "the per-install salt must change the key");
    }
}
