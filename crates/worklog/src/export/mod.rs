//! Output formats: JSON (the versioned contract), CSV, iCalendar, Markdown.
