//! The filter model shared by the app (URL query string) and the CLI (flags).
