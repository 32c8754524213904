//! Device authentication: `Authorization: Bearer <device_id>.<secret>`. The server keeps
//! only SHA-256 of the secret (256 random bits, so a slow hash adds nothing).

use crate::error::AppError;
use crate::store::Caller;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use rand::RngCore;
use sha2::{Digest, Sha256};
use werkpad_proto::sync::SyncErrorCode;

pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A fresh device secret: 32 random bytes as hex.
pub fn new_secret() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// A one-time enrolment code, easy to read aloud: 12 characters without look-alikes,
/// shown in groups of four.
pub fn new_enrol_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 12];
    rand::rng().fill_bytes(&mut b);
    let chars: Vec<char> = b
        .iter()
        .map(|x| ALPHABET[(*x as usize) % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Hash of a code as typed: case, spaces and dashes do not matter.
pub fn hash_enrol_code(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hash_secret(&norm)
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| AppError::unauthorized("Authorization: Bearer <token> is missing."))?;
        let token = value
            .strip_prefix("Bearer ")
            .ok_or_else(|| AppError::unauthorized("Authorization must be a Bearer token."))?;
        let (device_id, secret) = token
            .split_once('.')
            .ok_or_else(|| AppError::unauthorized("The token is malformed."))?;
        let wrong = || AppError::unauthorized("Unknown device or wrong secret.");
        let dev = state
            .store
            .device_auth(device_id)
            .await?
            .ok_or_else(wrong)?;
        if !constant_eq(hash_secret(secret).as_bytes(), dev.secret_hash.as_bytes()) {
            return Err(wrong());
        }
        if dev.revoked {
            return Err(AppError::refused(
                StatusCode::FORBIDDEN,
                SyncErrorCode::DeviceRevoked,
                "This device was revoked by the beheerder; its local data must be wiped.",
            ));
        }
        Ok(Caller {
            device_id: dev.device_id,
            user_id: dev.user_id,
            user_name: dev.user_name,
        })
    }
}
