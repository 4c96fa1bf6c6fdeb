//! Pass: date tokens → calendar dates, and the page's day/month order from all the evidence.
