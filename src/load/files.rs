//! Files from `<input type=file>` (multiple files, or a whole folder with `webkitdirectory`).

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use super::RawFile;

/// Read a `File`'s bytes.
pub async fn read_file(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|err| {
        crate::i18n::load::Problem::FileUnreadable {
            name: &file.name(),
            error: &format!("{err:?}"),
        }
        .text()
    })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The path a file is known by: its folder-relative path when it came with one (folder
/// input, and drops that carry it), else its name.
pub fn file_path(file: &File) -> String {
    // `webkitRelativePath` is not in web-sys' File binding; read the property directly.
    let relative =
        js_sys::Reflect::get(file, &wasm_bindgen::JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
    if relative.is_empty() {
        file.name()
    } else {
        relative
    }
}

/// The `File`s of a list, so they outlive the input being reset.
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Read every file; unreadable ones become errors, the rest still load.
pub async fn read_all(files: Vec<(String, File)>) -> (Vec<RawFile>, Vec<String>) {
    let mut out = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (path, file) in files {
        match read_file(&file).await {
            Ok(bytes) => out.push(RawFile {
                path,
                bytes,
                intern: None,
            }),
            Err(e) => errors.push(e),
        }
    }
    (out, errors)
}
