//! A lesson page, and every other page: what `/lessons/<slug>` starts.
fn main() {
    latih::start_with_lessons();
}
