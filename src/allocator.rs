//! How the process's allocator (mimalloc, set as the global allocator in
//! `main.rs` and in the benches) is configured.

/// `mi_option_purge_delay` in the mimalloc 3 that libmimalloc-sys 0.1.49
/// builds (the Rust bindings do not name it; a test checks the index
/// against its documented default).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed pages before giving them back to the
/// system, in milliseconds. Its default, a second (arenas ten), is longer
/// than a whole check of a 100,000-phase plan: memory freed by one stage
/// stays resident while the next one grows (171 MB peak on the record's
/// 100,000-phase plan). Giving pages back at once (0) keeps the peak at
/// 164 MB but churns: each phase's values are freed as soon as it is typed
/// and the next phase reuses their pages, which at 0 were given back and
/// faulted in again, phase after phase (4,400 page faults). 10 ms, the
/// default of mimalloc 2, keeps the 164 MB peak with 1,600 to 2,100 faults;
/// longer delays saved a few more faults but were no faster as processes.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Makes mimalloc give freed memory back to the system within
/// `PURGE_DELAY_MS`. Call it first thing in `main`, before other threads
/// exist. A `MIMALLOC_PURGE_DELAY` set in the environment is left to
/// mimalloc.
pub fn return_freed_memory_promptly() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: sets one integer option of the allocator, which mimalloc
    // stores atomically; it works whether or not mimalloc is the global
    // allocator.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_index_names_the_purge_delay() {
        // mimalloc 3's purge_delay defaults to 1000 ms, its neighbours (the
        // deprecated eager-commit delay, use_numa_nodes) to 1 and 0: if an
        // update of libmimalloc-sys moved the option, this fails. (It reads
        // the defaults: run it without MIMALLOC_* variables set.)
        // SAFETY: reads integer options.
        let (before, delay, after) = unsafe {
            (
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY - 1),
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY + 1),
            )
        };
        assert_eq!((before, delay, after), (1, 1000, 0));
        return_freed_memory_promptly();
        // SAFETY: reads an integer option.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            PURGE_DELAY_MS
        );
    }
}
