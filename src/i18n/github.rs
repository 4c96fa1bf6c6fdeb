//! Loading from GitHub (`src/load/github.rs`): the messages a source shows (rate limit, no
//! worklog section, ...) and the diagnostics' links. The fixed texts (the token field) are in
//! [`super::messages`], block "GitHub".

use leptos::prelude::WithUntracked;
use worklog::query::ViewState;

use super::intl::num;
use super::{preferred, Lang};
use crate::state::AppState;

/// The interface language now, for code outside components (a loader writing a message):
/// `ui=` of the address, else the browser's languages, as [`super::provide`] decides.
pub fn interface_lang(state: AppState) -> Lang {
    state
        .vs
        .with_untracked(|v: &ViewState| v.ui)
        .unwrap_or_else(|| {
            let tags: Vec<String> = web_sys::window()
                .map(|w| {
                    w.navigator()
                        .languages()
                        .iter()
                        .filter_map(|v| v.as_string())
                        .collect()
                })
                .unwrap_or_default();
            preferred(&tags)
        })
}

/// `resets at 14:05 (in 23 min)` / `đặt lại lúc 14:05 (sau 23 phút)`; empty when GitHub did not
/// say.
fn resets(lang: Lang, end: Option<(&str, u64)>) -> String {
    match (lang, end) {
        (_, None) => String::new(),
        (Lang::En, Some((time, minutes))) => {
            format!(
                "; it resets at {time} (in {} min)",
                num(minutes as usize, lang)
            )
        }
        (Lang::Vi, Some((time, minutes))) => format!(
            "; giới hạn được đặt lại lúc {time} (sau {} phút)",
            num(minutes as usize, lang)
        ),
    }
}

/// The API refused to list `repo`: its hourly limit is used up, and nothing is cached.
pub fn rate_limited(lang: Lang, repo: &str, end: Option<(&str, u64)>, has_token: bool) -> String {
    let when = resets(lang, end);
    match (lang, has_token) {
        (Lang::En, false) => format!(
            "{repo}: GitHub's API limit is reached (60 listings an hour without a token){when}. A GitHub token (in the load controls) raises the limit."
        ),
        (Lang::En, true) => format!("{repo}: GitHub's API limit for this token is reached{when}."),
        (Lang::Vi, false) => format!(
            "{repo}: đã hết giới hạn API của GitHub (60 lần liệt kê mỗi giờ khi không có token){when}. Một token GitHub (trong phần tải nhật ký) sẽ nâng giới hạn này."
        ),
        (Lang::Vi, true) => {
            format!("{repo}: đã hết giới hạn API của GitHub cho token này{when}.")
        }
    }
}

/// `3 min` / `2 h` / `3 phút` / `2 giờ` ago.
fn age(lang: Lang, minutes: u64) -> String {
    let (n, unit) = if minutes >= 120 {
        (minutes / 60, 1)
    } else {
        (minutes, 0)
    };
    let n_text = num(n as usize, lang);
    match (lang, unit) {
        (Lang::En, 0) => format!("{n_text} min ago"),
        (Lang::En, _) => format!("{n_text} h ago"),
        (Lang::Vi, 0) => format!("{n_text} phút trước"),
        (Lang::Vi, _) => format!("{n_text} giờ trước"),
    }
}

/// The API refused (rate limit), the listing cached earlier is used instead.
pub fn rate_limited_cached(
    lang: Lang,
    repo: &str,
    end: Option<(&str, u64)>,
    minutes: u64,
) -> String {
    let when = resets(lang, end);
    let age = age(lang, minutes);
    match lang {
        Lang::En => format!(
            "{repo}: GitHub's API limit is reached{when}; the listing saved {age} is used (newer pages may be missing)."
        ),
        Lang::Vi => format!(
            "{repo}: đã hết giới hạn API của GitHub{when}; dùng danh sách tệp đã lưu {age} (có thể thiếu các trang mới hơn)."
        ),
    }
}

/// GitHub could not be reached, the listing cached earlier is used instead.
pub fn unreachable_cached(lang: Lang, repo: &str, error: &str, minutes: u64) -> String {
    let age = age(lang, minutes);
    match lang {
        Lang::En => format!(
            "{repo}: GitHub's API could not be reached ({error}); the listing saved {age} is used."
        ),
        Lang::Vi => format!(
            "{repo}: không kết nối được API của GitHub ({error}); dùng danh sách tệp đã lưu {age}."
        ),
    }
}

/// GitHub could not be reached and nothing is cached.
pub fn unreachable(lang: Lang, repo: &str, error: &str) -> String {
    match lang {
        Lang::En => format!("{repo}: GitHub's API could not be reached ({error})."),
        Lang::Vi => format!("{repo}: không kết nối được API của GitHub ({error})."),
    }
}

/// No such repository, or no such branch in it.
pub fn not_found(lang: Lang, repo: &str, reference: &str) -> String {
    let branch = (reference != "HEAD").then_some(reference);
    match (lang, branch) {
        (Lang::En, None) => format!(
            "{repo}: no such repository on GitHub (or it is private: only public repositories can be loaded)."
        ),
        (Lang::En, Some(b)) => format!("{repo}: no repository with a branch {b} on GitHub."),
        (Lang::Vi, None) => format!(
            "{repo}: không có kho mã này trên GitHub (hoặc kho mã riêng tư: chỉ tải được kho mã công khai)."
        ),
        (Lang::Vi, Some(b)) => format!("{repo}: không có kho mã có nhánh {b} trên GitHub."),
    }
}

/// The API answered 401 to the token.
pub fn bad_token(lang: Lang, repo: &str) -> String {
    match lang {
        Lang::En => format!(
            "{repo}: GitHub refused the token (expired or mistyped): replace or clear the GitHub token."
        ),
        Lang::Vi => format!(
            "{repo}: GitHub từ chối token (hết hạn hoặc gõ sai): hãy thay hoặc xoá token GitHub."
        ),
    }
}

/// A repository without any commit.
pub fn empty(lang: Lang, repo: &str) -> String {
    match lang {
        Lang::En => format!("{repo}: the repository is empty."),
        Lang::Vi => format!("{repo}: kho mã đang trống."),
    }
}

/// A `blob/` address of something that is not a markdown page.
pub fn not_markdown(lang: Lang, what: &str) -> String {
    match lang {
        Lang::En => format!("{what}: not a markdown page."),
        Lang::Vi => format!("{what}: không phải trang markdown."),
    }
}

/// GitHub cut a huge repository's listing short.
pub fn truncated(lang: Lang, repo: &str) -> String {
    match lang {
        Lang::En => format!(
            "{repo}: the repository has too many files for one listing; GitHub cut it short and some pages may be missing (open a folder of it with …/tree/BRANCH/PATH)."
        ),
        Lang::Vi => format!(
            "{repo}: kho mã có quá nhiều tệp cho một lần liệt kê; GitHub đã cắt bớt nên có thể thiếu trang (hãy mở một thư mục của nó bằng …/tree/NHÁNH/ĐƯỜNG-DẪN)."
        ),
    }
}

/// Nothing in `what` (a repository, or a folder of one) is a worklog page: nothing is fetched.
pub fn no_worklog(lang: Lang, what: &str, sections: &[String]) -> String {
    let list = sections.join(", ");
    match (lang, sections.is_empty()) {
        (Lang::En, true) => {
            format!("no worklog section found in {what}: it has no markdown pages.")
        }
        (Lang::En, false) => {
            format!("no worklog section found in {what}: sections are {list}.")
        }
        (Lang::Vi, true) => format!(
            "không tìm thấy mục nhật ký công việc trong {what}: không có trang markdown nào."
        ),
        (Lang::Vi, false) => {
            format!("không tìm thấy mục nhật ký công việc trong {what}: các mục hiện có là {list}.")
        }
    }
}

/// The accessible name of a diagnostic's link to its line on GitHub: the visible text (`line
/// 12`) first.
pub fn open_on_github(lang: Lang, shown: &str) -> String {
    match lang {
        Lang::En => format!("{shown}: open on GitHub (new tab)"),
        Lang::Vi => format!("{shown}: mở trên GitHub (thẻ mới)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_repository_and_the_time() {
        for lang in [Lang::En, Lang::Vi] {
            let m = rate_limited(lang, "bob/report", Some(("14:05", 23)), false);
            assert!(m.starts_with("bob/report: "), "{m}");
            assert!(m.contains("14:05") && m.contains("23"), "{m}");
            let m = no_worklog(lang, "bob/report", &["2-Proposal".into(), "3-Blogs".into()]);
            assert!(
                m.contains("bob/report") && m.contains("2-Proposal, 3-Blogs"),
                "{m}"
            );
        }
        assert_eq!(
            no_worklog(Lang::En, "carol/site", &["1-Proposal".into()]),
            "no worklog section found in carol/site: sections are 1-Proposal."
        );
        assert_ne!(
            rate_limited(Lang::En, "r", None, false),
            rate_limited(Lang::Vi, "r", None, false)
        );
    }
}
