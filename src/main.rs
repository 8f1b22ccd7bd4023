//! The whole app: every page.
fn main() {
    latih::start();
}
