//! What the app needs from the service catalogue (`worklog::services`), in one place.

/// The category name a service belongs to, for grouping the heat map.
pub fn category_of(id: &str) -> Option<&'static str> {
    worklog::services::category_of(id).map(|c| c.name)
}
