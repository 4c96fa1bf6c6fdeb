//! Pass: the day column (`2`, `Thứ Hai`, `Mon`, `Day 3`, `6-7`, `Full week`) → weekdays.
