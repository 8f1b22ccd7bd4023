//! The Web Worker that runs SQL: the training worker's shell with GlueSQL added. GlueSQL is
//! several times the size of everything else in a worker, so it has a worker of its own, which
//! the app starts only for a notebook's first query (`new Worker("/latih-sql-worker_loader.js")`).

fn main() {
    latih_worker::serve(latih_worker::runner().with_sql(Box::new(latih_sql::query_data)));
}
