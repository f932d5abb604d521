//! The text size preference, stored site-wide in localStorage under
//! [`STEP_KEY`]. Storage can throw (sandboxed iframes, some private modes):
//! then the reader still works, the choice just isn't remembered.

use crate::core::reading::clamp_step;
use crate::core::settings::STEP_KEY;

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The server renderer has no storage: it renders the host's or the
/// default size, and the page's early script applies a stored one.
#[cfg(not(target_arch = "wasm32"))]
fn storage() -> Option<web_sys::Storage> {
    None
}

/// The stored step, if any.
pub fn load_step() -> Option<usize> {
    let raw = storage()?.get_item(STEP_KEY).ok().flatten()?;
    raw.trim().parse::<i64>().ok().map(clamp_step)
}

/// Remembers `step`; silently does nothing when storage is unavailable.
pub fn save_step(step: usize) {
    if let Some(s) = storage() {
        let _ = s.set_item(STEP_KEY, &step.to_string());
    }
}

/// The value stored under `key`, if storage works and has one.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}
