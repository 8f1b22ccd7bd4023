//! The Web Worker that trains: a thin shell (see the library) around the engine's jobs.
//!
//! Trunk builds this binary as a classic (`no-modules`) worker with a loader script; the app
//! starts it with `new Worker("/latih-worker_loader.js")`.

fn main() {
    latih_worker::serve(latih_worker::runner());
}
