//! The notebook and every page but a lesson's.
fn main() {
    latih::start();
}
