//! The first load: the pages a first visit reads (Home, Lessons), without the notebook.
fn main() {
    latih::start_first_pages();
}
