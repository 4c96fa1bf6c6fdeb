//! The AWS service catalogue and recognition of services in free text.
