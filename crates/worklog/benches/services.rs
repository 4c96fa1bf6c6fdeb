//! Benchmark of service recognition (filled in below).
fn main() {}
