//! One module per route.

mod career;
mod datasets;
mod home;
mod lesson;
mod lessons;
mod not_found;
mod notebook;
mod notebooks;
mod plan;
mod projects;

pub use career::CareerPage;
pub use datasets::DatasetsPage;
pub use home::HomePage;
pub use lesson::LessonPage;
pub use lessons::LessonsPage;
pub use not_found::NotFoundPage;
pub use notebook::NotebookPage;
pub use notebooks::NotebooksPage;
pub use plan::PlanPage;
pub use projects::ProjectsPage;
