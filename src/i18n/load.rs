//! The problems a source shows while loading (`src/load/`: fetch failures, manifests and
//! bundles, files and folders, the parse worker), in English and Vietnamese. GitHub's own
//! (rate limit, repository not found, ...) are in [`super::github`].
//!
//! A loader words a problem when it meets it, in the interface language of that moment
//! ([`super::current`]): `Problem::NotAValidUrl { src }.text()`. Values that come from
//! elsewhere (the browser's error, a server's status text, a JSON parser's message) are shown
//! as they are.

use super::{current, Lang};

/// A loading problem with its values. Its words: [`Problem::words`].
#[derive(Debug, Clone, Copy)]
pub enum Problem<'a> {
    // Addresses and manifests (`load/url.rs`, `load/cohort.rs`).
    NotAValidUrl {
        src: &'a str,
    },
    /// An intern's file of a cohort that does not make a URL.
    NotAValidInternPath {
        intern: &'a str,
        file: &'a str,
    },
    /// An intern's `src` of a cohort that does not make a URL.
    NotAValidInternUrl {
        intern: &'a str,
        src: &'a str,
    },
    NotAValidPathIn {
        entry: &'a str,
        manifest: &'a str,
    },
    FetchFailed {
        path: &'a str,
        error: &'a str,
    },
    Http {
        path: &'a str,
        status: u16,
        status_text: &'a str,
    },
    ResponseUnreadable {
        path: &'a str,
        error: &'a str,
    },
    NotAManifest {
        path: &'a str,
        error: &'a str,
    },
    ManifestTooNew {
        schema: u32,
        supported: u32,
    },
    HtmlWithoutLinks {
        path: &'a str,
    },
    // Bundles (`load/url.rs`).
    BundleFallback {
        path: &'a str,
        error: &'a str,
    },
    NotAValidBundlePath,
    NotABundle {
        error: &'a str,
    },
    BundleTooNew {
        schema: u32,
        supported: u32,
    },
    CannotDecompress {
        error: &'a str,
    },
    NoGzip,
    // Files and folders (`load/files.rs`, `load/drop.rs`, `load/mod.rs`).
    FileUnreadable {
        name: &'a str,
        error: &'a str,
    },
    EntryUnreadable {
        path: &'a str,
        error: &'a str,
    },
    FolderUnlisted {
        path: &'a str,
        error: &'a str,
    },
    StoppedAfter {
        files: usize,
    },
    NotRemembered {
        error: &'a str,
    },
    // GitHub raw downloads (`load/github.rs`).
    GithubHttp {
        repo: &'a str,
        status: u16,
        message: &'a str,
    },
    GithubUnreadable {
        repo: &'a str,
        error: &'a str,
    },
    RawFetchFailed {
        error: &'a str,
    },
    RawHttp {
        status: u16,
        status_text: &'a str,
    },
    RawUnreadable {
        error: &'a str,
    },
    // The parse worker (`load/worker.rs`, `load/mod.rs`).
    NoWorkerUrl,
    WorkerNotStarted {
        error: &'a str,
    },
    WorkerVersion {
        version: f64,
        needed: u32,
    },
    WorkerFailed {
        error: &'a str,
    },
    WorkerPagesUnreadable {
        error: &'a str,
    },
    WorkerStopped,
    PagesNotSent {
        error: &'a str,
    },
    /// Rows to compare (similar rows) could not be sent to the worker.
    RowsNotSent {
        error: &'a str,
    },
    WorkerSilent,
}

impl Problem<'_> {
    /// The problem in the interface language of this moment.
    pub fn text(&self) -> String {
        self.words(current())
    }

    /// The problem in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        use Problem as P;
        let vi = lang == Lang::Vi;
        let pick = |en: String, vi_text: String| if vi { vi_text } else { en };
        match *self {
            P::NotAValidUrl { src } => pick(
                format!("{src}: not a valid URL"),
                format!("{src}: không phải là URL hợp lệ"),
            ),
            P::NotAValidInternPath { intern, file } => pick(
                format!("{intern}: {file}: not a valid path"),
                format!("{intern}: {file}: không phải là đường dẫn hợp lệ"),
            ),
            P::NotAValidInternUrl { intern, src } => pick(
                format!("{intern}: {src}: not a valid URL"),
                format!("{intern}: {src}: không phải là URL hợp lệ"),
            ),
            P::NotAValidPathIn { entry, manifest } => pick(
                format!("{entry}: not a valid path in {manifest}"),
                format!("{entry}: không phải là đường dẫn hợp lệ trong {manifest}"),
            ),
            P::FetchFailed { path, error } => pick(
                format!("{path}: could not fetch (network error, or the server does not allow cross-origin requests): {error}"),
                format!("{path}: không tải được (lỗi mạng, hoặc máy chủ không cho phép yêu cầu từ trang khác): {error}"),
            ),
            P::Http { path, status, status_text } => pick(
                format!("{path}: HTTP {status} {status_text}"),
                format!("{path}: lỗi HTTP {status} {status_text}"),
            ),
            P::ResponseUnreadable { path, error } => pick(
                format!("{path}: could not read the response: {error}"),
                format!("{path}: không đọc được phản hồi của máy chủ: {error}"),
            ),
            P::NotAManifest { path, error } => pick(
                format!("{path}: not a manifest ({{\"schema\": 2, \"interns\": [...]}} or {{\"files\": [...]}} expected): {error}"),
                format!("{path}: không phải tệp danh sách (cần dạng {{\"schema\": 2, \"interns\": [...]}} hoặc {{\"files\": [...]}}): {error}"),
            ),
            P::ManifestTooNew { schema, supported } => pick(
                format!("manifest schema {schema} is newer than this app reads ({supported}); reload to get the new version"),
                format!("tệp danh sách dùng schema {schema}, mới hơn bản ứng dụng này đọc được ({supported}); hãy tải lại trang để có phiên bản mới"),
            ),
            P::HtmlWithoutLinks { path } => pick(
                format!("{path}: an HTML page with no links to markdown files"),
                format!("{path}: trang HTML không có liên kết nào tới tệp markdown"),
            ),
            P::BundleFallback { path, error } => pick(
                format!("{path}: {error}; the pages are fetched one by one instead"),
                format!("{path}: {error}; thay vào đó, các trang được tải lần lượt từng trang"),
            ),
            P::NotAValidBundlePath => pick(
                "not a valid bundle path".into(),
                "đường dẫn gói trang không hợp lệ".into(),
            ),
            P::NotABundle { error } => pick(
                format!("not a worklog bundle: {error}"),
                format!("không phải gói nhật ký: {error}"),
            ),
            P::BundleTooNew { schema, supported } => pick(
                format!("bundle schema {schema} is newer than this app reads ({supported})"),
                format!("gói trang dùng schema {schema}, mới hơn bản ứng dụng này đọc được ({supported})"),
            ),
            P::CannotDecompress { error } => pick(
                format!("cannot decompress the bundle: {error}"),
                format!("không giải nén được gói trang: {error}"),
            ),
            P::NoGzip => pick(
                "this browser cannot decompress gzip".into(),
                "trình duyệt này không giải nén được gzip".into(),
            ),
            P::FileUnreadable { name, error } => pick(
                format!("{name}: could not read the file: {error}"),
                format!("{name}: không đọc được tệp: {error}"),
            ),
            P::EntryUnreadable { path, error } => pick(
                format!("{path}: could not read: {error}"),
                format!("{path}: không đọc được: {error}"),
            ),
            P::FolderUnlisted { path, error } => pick(
                format!("{path}: could not list the folder: {error}"),
                format!("{path}: không liệt kê được nội dung thư mục: {error}"),
            ),
            P::StoppedAfter { files } => pick(
                format!("Stopped after {files} files"),
                format!("Đã dừng sau {files} tệp"),
            ),
            P::NotRemembered { error } => pick(
                format!("Could not remember these files for the next visit: {error}"),
                format!("Không lưu được các tệp này cho lần truy cập sau: {error}"),
            ),
            P::GithubHttp { repo, status, message } => pick(
                format!("{repo}: GitHub API: HTTP {status} {message}"),
                format!("{repo}: API GitHub báo lỗi HTTP {status} {message}"),
            ),
            P::GithubUnreadable { repo, error } => pick(
                format!("{repo}: GitHub API: unreadable answer: {error}"),
                format!("{repo}: không đọc được câu trả lời của API GitHub: {error}"),
            ),
            P::RawFetchFailed { error } => pick(
                format!("could not fetch (network error): {error}"),
                format!("không tải được (lỗi mạng): {error}"),
            ),
            P::RawHttp { status, status_text } => pick(
                format!("HTTP {status} {status_text}"),
                format!("lỗi HTTP {status} {status_text}"),
            ),
            P::RawUnreadable { error } => pick(
                format!("could not read the response: {error}"),
                format!("không đọc được phản hồi của máy chủ: {error}"),
            ),
            P::NoWorkerUrl => pick(
                "no document base URL to load the parse worker from".into(),
                "trang không có URL gốc để tải tiến trình đọc trang chạy nền".into(),
            ),
            P::WorkerNotStarted { error } => pick(
                format!("cannot start the parse worker: {error}"),
                format!("không khởi động được tiến trình đọc trang chạy nền: {error}"),
            ),
            P::WorkerVersion { version, needed } => pick(
                format!("the parse worker is version {version}, this page needs {needed}: reload the page to update it"),
                format!("tiến trình đọc trang chạy nền là phiên bản {version}, trang này cần phiên bản {needed}: hãy tải lại trang để cập nhật"),
            ),
            P::WorkerFailed { error } => pick(
                format!("the parse worker failed: {error}"),
                format!("tiến trình đọc trang chạy nền gặp lỗi: {error}"),
            ),
            P::WorkerPagesUnreadable { error } => pick(
                format!("the parse worker sent unreadable pages: {error}"),
                format!("tiến trình đọc trang chạy nền gửi về các trang không đọc được: {error}"),
            ),
            P::WorkerStopped => pick(
                "the parse worker stopped before it was ready".into(),
                "tiến trình đọc trang chạy nền đã dừng trước khi sẵn sàng".into(),
            ),
            P::PagesNotSent { error } => pick(
                format!("cannot send pages to the parse worker: {error}"),
                format!("không gửi được các trang tới tiến trình đọc trang chạy nền: {error}"),
            ),
            P::RowsNotSent { error } => pick(
                format!("cannot send rows to the parse worker: {error}"),
                format!("không gửi được các hàng tới tiến trình đọc trang chạy nền: {error}"),
            ),
            P::WorkerSilent => pick(
                "the parse worker gave no answer".into(),
                "tiến trình đọc trang chạy nền không trả lời".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every problem (the match makes a new variant fail to build until listed here).
    fn all() -> Vec<Problem<'static>> {
        use Problem as P;
        let list = vec![
            P::NotAValidUrl { src: "SRC1" },
            P::NotAValidInternPath {
                intern: "i",
                file: "f",
            },
            P::NotAValidInternUrl {
                intern: "i",
                src: "s",
            },
            P::NotAValidPathIn {
                entry: "e",
                manifest: "m",
            },
            P::FetchFailed {
                path: "p",
                error: "e",
            },
            P::Http {
                path: "p",
                status: 404,
                status_text: "Not Found",
            },
            P::ResponseUnreadable {
                path: "p",
                error: "e",
            },
            P::NotAManifest {
                path: "p",
                error: "e",
            },
            P::ManifestTooNew {
                schema: 3,
                supported: 2,
            },
            P::HtmlWithoutLinks { path: "p" },
            P::BundleFallback {
                path: "p",
                error: "e",
            },
            P::NotAValidBundlePath,
            P::NotABundle { error: "e" },
            P::BundleTooNew {
                schema: 2,
                supported: 1,
            },
            P::CannotDecompress { error: "e" },
            P::NoGzip,
            P::FileUnreadable {
                name: "n",
                error: "e",
            },
            P::EntryUnreadable {
                path: "p",
                error: "e",
            },
            P::FolderUnlisted {
                path: "p",
                error: "e",
            },
            P::StoppedAfter { files: 5000 },
            P::NotRemembered { error: "e" },
            P::GithubHttp {
                repo: "r",
                status: 500,
                message: "m",
            },
            P::GithubUnreadable {
                repo: "r",
                error: "e",
            },
            P::RawFetchFailed { error: "e" },
            P::RawHttp {
                status: 404,
                status_text: "Not Found",
            },
            P::RawUnreadable { error: "e" },
            P::NoWorkerUrl,
            P::WorkerNotStarted { error: "e" },
            P::WorkerVersion {
                version: 1.0,
                needed: 2,
            },
            P::WorkerFailed { error: "e" },
            P::WorkerPagesUnreadable { error: "e" },
            P::WorkerStopped,
            P::PagesNotSent { error: "e" },
            P::RowsNotSent { error: "e" },
            P::WorkerSilent,
        ];
        for p in &list {
            match p {
                P::NotAValidUrl { .. }
                | P::NotAValidInternPath { .. }
                | P::NotAValidInternUrl { .. }
                | P::NotAValidPathIn { .. }
                | P::FetchFailed { .. }
                | P::Http { .. }
                | P::ResponseUnreadable { .. }
                | P::NotAManifest { .. }
                | P::ManifestTooNew { .. }
                | P::HtmlWithoutLinks { .. }
                | P::BundleFallback { .. }
                | P::NotAValidBundlePath
                | P::NotABundle { .. }
                | P::BundleTooNew { .. }
                | P::CannotDecompress { .. }
                | P::NoGzip
                | P::FileUnreadable { .. }
                | P::EntryUnreadable { .. }
                | P::FolderUnlisted { .. }
                | P::StoppedAfter { .. }
                | P::NotRemembered { .. }
                | P::GithubHttp { .. }
                | P::GithubUnreadable { .. }
                | P::RawFetchFailed { .. }
                | P::RawHttp { .. }
                | P::RawUnreadable { .. }
                | P::NoWorkerUrl
                | P::WorkerNotStarted { .. }
                | P::WorkerVersion { .. }
                | P::WorkerFailed { .. }
                | P::WorkerPagesUnreadable { .. }
                | P::WorkerStopped
                | P::PagesNotSent { .. }
                | P::RowsNotSent { .. }
                | P::WorkerSilent => {}
            }
        }
        list
    }

    #[test]
    fn every_problem_is_worded_in_both_languages_with_its_values() {
        for p in all() {
            let (en, vi) = (p.words(Lang::En), p.words(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty(), "{p:?}");
            assert_ne!(en, vi, "{p:?} is not translated");
            // The values are in both (a file name, a status).
            for value in ["SRC1", "404", "5000", "Not Found"] {
                assert_eq!(en.contains(value), vi.contains(value), "{p:?}: {value}");
            }
        }
        assert_eq!(
            Problem::Http {
                path: "w/a.md",
                status: 404,
                status_text: "Not Found"
            }
            .words(Lang::Vi),
            "w/a.md: lỗi HTTP 404 Not Found"
        );
    }
}
