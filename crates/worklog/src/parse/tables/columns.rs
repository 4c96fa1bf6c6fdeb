//! Header text → column roles (survey §7), English and Vietnamese, case-insensitive, tolerant
//! of bold markers, emoji, TABs and numbering.

use crate::parse::days::strip_markup;

/// What a worklog column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Day,
    /// `No.` / `STT`: row numbers, kept as the day label but never read as weekdays.
    Sequence,
    Task,
    TaskId,
    Start,
    End,
    /// One date per row (`Date`, `Ngày thực hiện`).
    Date,
    Reference,
    Status,
    Result,
    Time,
    Notes,
    /// `Week` / `Tuần` / `Phase`: marks a summary table, not a daily worklog.
    Week,
    Other,
}

/// Header text reduced to lower-case words: markup, emoji and punctuation become spaces.
pub fn normalise_header(cell: &str) -> String {
    let plain = crate::chars::to_lowercase(&strip_markup(cell));
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if crate::chars::is_alphanumeric(c) || c == '/' {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A header's words padded for phrase lookups: ` start date / end date `, built once per
/// header so the ~100 phrase checks of [`role_of`] allocate nothing and only look where a
/// word starts.
struct Words {
    padded: String,
    /// Offsets just after each space of `padded`: where a phrase may start.
    starts: Vec<usize>,
    /// The bytes found at those offsets (a bit set): most phrases start with none of them.
    first_bytes: [u64; 4],
}

impl Words {
    fn new(header: &str) -> Self {
        let mut padded = String::with_capacity(header.len() + 4);
        padded.push(' ');
        for c in header.chars() {
            if c == '/' {
                padded.push_str(" / ");
            } else {
                padded.push(c);
            }
        }
        padded.push(' ');
        let starts: Vec<usize> = padded
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b' ')
            .map(|(space, _)| space + 1)
            .collect();
        let mut first_bytes = [0u64; 4];
        for &start in &starts {
            if let Some(&b) = padded.as_bytes().get(start) {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        Words {
            padded,
            starts,
            first_bytes,
        }
    }

    /// Is `phrase` present on word boundaries (between spaces)?
    fn has(&self, phrase: &str) -> bool {
        let bytes = self.padded.as_bytes();
        let phrase = phrase.as_bytes();
        let Some(&first) = phrase.first() else {
            return false;
        };
        if self.first_bytes[usize::from(first >> 6)] & (1 << (first & 63)) == 0 {
            return false;
        }
        self.starts.iter().any(|&start| {
            // The first byte decides most lookups, before a whole comparison is paid for.
            bytes.get(start) == phrase.first()
                && bytes[start..].starts_with(phrase)
                && bytes.get(start + phrase.len()) == Some(&b' ')
        })
    }
}

/// The role of one header cell, ignoring its neighbours (`Date`/`Ngày` are settled later).
pub fn role_of(header: &str, index: usize) -> Role {
    let h = normalise_header(header);
    // Leading numbering such as `1 day`.
    let h = h.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if h.is_empty() {
        return if index == 0 { Role::Day } else { Role::Other };
    }
    let words = Words::new(h);
    let any = |phrases: &[&str]| phrases.iter().any(|p| words.has(p));
    if any(&["task id", "mã công việc", "mã task", "id"]) {
        return Role::TaskId;
    }
    if any(&["no", "stt", "số thứ tự", "nr"]) && h.split(' ').count() <= 3 {
        return Role::Sequence;
    }
    if any(&[
        "start date",
        "start",
        "ngày bắt đầu",
        "bắt đầu",
        "ngày bđ",
        "bđ",
        "from",
        "begin",
        "từ ngày",
    ]) {
        return Role::Start;
    }
    if any(&[
        "completion date",
        "completed date",
        "end date",
        "end",
        "finish",
        "finish date",
        "finished",
        "due date",
        "ngày hoàn thành",
        "hoàn thành",
        "ngày kết thúc",
        "kết thúc",
        "ngày ht",
        "ht",
        "đến ngày",
    ]) && !any(&[
        "công việc đã hoàn thành",
        "work completed",
        "tasks completed",
    ]) {
        return Role::End;
    }
    if any(&[
        "reference",
        "references",
        "reference material",
        "reference materials",
        "reference sources",
        "resources",
        "resource",
        "nguồn",
        "nguồn tài liệu",
        "tài liệu",
        "tài liệu tham khảo",
        "tham khảo",
        "links",
        "link",
        "sources",
        "source",
        "materials",
        "documentation",
    ]) {
        return Role::Reference;
    }
    if any(&[
        "status",
        "trạng thái",
        "tình trạng",
        "state",
        "progress",
        "tiến độ",
    ]) {
        return Role::Status;
    }
    if any(&[
        "result",
        "results",
        "kết quả",
        "outcome",
        "outcomes",
        "deliverable",
        "deliverables",
    ]) {
        return Role::Result;
    }
    if any(&["week", "weeks", "tuần", "phase", "giai đoạn"]) {
        return Role::Week;
    }
    if any(&[
        "task",
        "tasks",
        "work",
        "công việc",
        "nhiệm vụ",
        "nội dung",
        "main activities",
        "activities",
        "activity",
        "key activities",
        "main task",
        "topic",
        "chủ đề",
        "work completed",
        "công việc đã hoàn thành",
        "công việc chính",
        "hoạt động",
        "việc",
        "description",
        "mô tả",
        "to do",
        "todo",
        "content",
    ]) && !any(&[
        "detailed activities",
        "hoạt động chi tiết",
        "next step",
        "bước tiếp theo",
    ]) {
        return Role::Task;
    }
    if any(&[
        "day",
        "thứ",
        "weekday",
        "day of week",
        "ngày trong tuần",
        "buổi",
    ]) {
        return Role::Day;
    }
    if any(&[
        "date",
        "ngày",
        "ngày thực hiện",
        "ngày thực tế",
        "ngày làm",
        "working date",
    ]) {
        return Role::Date;
    }
    if any(&[
        "thời gian",
        "time",
        "time spent",
        "duration",
        "hours",
        "giờ",
        "số giờ",
    ]) {
        return Role::Time;
    }
    if any(&[
        "note",
        "notes",
        "ghi chú",
        "comment",
        "comments",
        "remarks",
        "nhận xét",
    ]) {
        return Role::Notes;
    }
    Role::Other
}

/// Roles of a whole header row: the first `Task` wins (later ones are kept as extra
/// columns); `Date`/`Ngày` is the day column when there is no other one; a plain `Ngày`
/// first column beside start/end columns is the day column.
pub fn roles_of(headers: &[String]) -> Vec<Role> {
    let mut roles: Vec<Role> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| role_of(h, i))
        .collect();
    let has_day = roles
        .iter()
        .any(|r| matches!(r, Role::Day | Role::Sequence));
    if !has_day {
        if let Some(i) = roles.iter().position(|r| *r == Role::Date) {
            let has_dates = roles.iter().any(|r| matches!(r, Role::Start | Role::End));
            let plain_ngay = normalise_header(&headers[i]) == "ngày";
            if has_dates || plain_ngay || i == 0 {
                roles[i] = Role::Day;
            }
        }
    }
    // Keep only the first of each single-valued role; the rest become extra columns.
    let mut seen = std::collections::HashSet::new();
    for role in roles.iter_mut() {
        if matches!(
            role,
            Role::Day
                | Role::Task
                | Role::TaskId
                | Role::Start
                | Role::End
                | Role::Date
                | Role::Sequence
        ) && !seen.insert(*role)
        {
            *role = Role::Other;
        }
    }
    roles
}

/// A worklog table has a task column and something that places rows in time (a day or date
/// column, or task ids); a `Week`/`Phase` column without days marks a summary table.
pub fn is_worklog(roles: &[Role]) -> bool {
    let has_task = roles.contains(&Role::Task);
    let timed = roles.iter().any(|r| {
        matches!(
            r,
            Role::Day | Role::Start | Role::End | Role::Date | Role::TaskId | Role::Sequence
        )
    });
    let has_day_or_date = roles
        .iter()
        .any(|r| matches!(r, Role::Day | Role::Start | Role::End | Role::Date));
    let summary = roles.contains(&Role::Week) && !has_day_or_date;
    has_task && timed && !summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(headers: &[&str]) -> Vec<Role> {
        roles_of(&headers.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn template_headers() {
        use Role::*;
        assert_eq!(
            roles(&[
                "Day",
                "Task",
                "Start Date",
                "Completion Date",
                "Reference Material"
            ]),
            vec![Day, Task, Start, End, Reference]
        );
        assert_eq!(
            roles(&[
                "Thứ",
                "Công việc",
                "Ngày bắt đầu",
                "Ngày hoàn thành",
                "Nguồn tài liệu"
            ]),
            vec![Day, Task, Start, End, Reference]
        );
        assert_eq!(
            roles(&[
                "Task ID",
                "Thứ",
                "Công việc",
                "Ngày bắt đầu",
                "Ngày hoàn thành",
                "Trạng thái",
                "Nguồn tài liệu"
            ]),
            vec![TaskId, Day, Task, Start, End, Status, Reference]
        );
        assert_eq!(
            roles(&[
                "Ngày",
                "Nhiệm vụ",
                "Ngày BĐ",
                "Ngày HT",
                "Tài liệu tham khảo"
            ]),
            vec![Day, Task, Start, End, Reference]
        );
        assert_eq!(
            roles(&[
                "**Day**",
                "**Task**",
                "**Start**",
                "**Finish**",
                "**References**"
            ]),
            vec![Day, Task, Start, End, Reference]
        );
        assert_eq!(roles(&["", "Task", "Start Date"]), vec![Day, Task, Start]);
        assert_eq!(roles(&["Day", "Date", "Task"]), vec![Day, Date, Task]);
        assert_eq!(
            roles(&["Date", "Task", "Result", "Notes"]),
            vec![Day, Task, Result, Notes]
        );
        assert_eq!(
            roles(&["Date", "Day", "Topic", "Detailed Activities"]),
            vec![Date, Day, Task, Other]
        );
        assert_eq!(
            roles(&[
                "Ngày",
                "Thời gian",
                "Nội dung thực hiện",
                "Minh chứng trong repo",
                "Workshop/Tài liệu cộng đồng"
            ]),
            vec![Day, Time, Task, Other, Reference]
        );
        assert_eq!(
            roles(&[
                "Day",
                "Date",
                "Time Spent",
                "Work Completed",
                "Result",
                "Issue",
                "Decision",
                "Next Step"
            ]),
            vec![Day, Date, Time, Task, Result, Other, Other, Other]
        );
        assert_eq!(
            roles(&["No.", "Task", "Start Date"]),
            vec![Sequence, Task, Start]
        );
        assert_eq!(roles(&["STT", "Công việc"]), vec![Sequence, Task]);
        assert_eq!(roles(&["Resources / Notes"]), vec![Reference]);
    }

    #[test]
    fn worklog_or_not() {
        assert!(is_worklog(&roles(&["Day", "Task"])));
        assert!(is_worklog(&roles(&[
            "Task",
            "Start Date",
            "Completion Date"
        ])));
        assert!(!is_worklog(&roles(&[
            "Criteria",
            "Security Group",
            "Network ACL"
        ])));
        assert!(!is_worklog(&roles(&[
            "Type",
            "Change",
            "Real-world Meaning"
        ])));
        assert!(!is_worklog(&roles(&["Week", "Main Activities"])));
        assert!(!is_worklog(&roles(&[
            "Phase",
            "Weeks",
            "Key Accomplishments"
        ])));
        assert!(!is_worklog(&roles(&["Tuần", "Nội dung học chính"])));
        assert!(!is_worklog(&roles(&["Property", "Value"])));
        assert!(!is_worklog(&roles(&["Week", "Duration", "Focus Area"])));
        assert!(!is_worklog(&roles(&["Role", "Bronze", "Silver"])));
    }
}
