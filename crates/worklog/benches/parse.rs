//! Parse throughput over the corpus (filled in below).
fn main() {}
