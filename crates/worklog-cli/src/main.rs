//! `worklog`: lint, export, stats and static-site builds of FCJ worklogs, on the same core as
//! the app.

fn main() {
    println!("worklog {}", env!("CARGO_PKG_VERSION"));
}
