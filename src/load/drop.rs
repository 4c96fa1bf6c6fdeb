//! Drag and drop of files and whole folders. Directory entries are walked recursively with
//! the File and Directory Entries API (`webkitGetAsEntry`), keeping each file's full path.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// What a drop carried, captured synchronously: the browser invalidates the items once the
/// event handler returns.
pub enum Dropped {
    Entry(FileSystemEntry),
    File(File),
}

/// Take the dropped entries (or plain files where entries are unavailable).
pub fn capture(data: &DataTransfer) -> Vec<Dropped> {
    let items = data.items();
    let mut out = Vec::new();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => out.push(Dropped::Entry(entry)),
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    out.push(Dropped::File(file));
                }
            }
        }
    }
    if out.is_empty() {
        if let Some(files) = data.files() {
            out.extend(
                super::files::files_of(&files)
                    .into_iter()
                    .map(Dropped::File),
            );
        }
    }
    out
}

/// Upper bound on files gathered from one drop, against dropping a whole disk.
const MAX_FILES: usize = 20_000;

/// Walk the dropped entries depth-first and return every file with its path.
pub async fn walk(dropped: Vec<Dropped>) -> (Vec<(String, File)>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stack: Vec<FileSystemEntry> = Vec::new();
    for d in dropped.into_iter().rev() {
        match d {
            Dropped::Entry(e) => stack.push(e),
            Dropped::File(f) => files.push((super::files::file_path(&f), f)),
        }
    }
    while let Some(entry) = stack.pop() {
        if files.len() >= MAX_FILES {
            errors.push(crate::i18n::load::Problem::StoppedAfter { files: MAX_FILES }.text());
            break;
        }
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_file() {
            let entry: FileSystemFileEntry = entry.unchecked_into();
            match file_of(&entry).await {
                Ok(file) => files.push((path, file)),
                Err(err) => errors.push(
                    crate::i18n::load::Problem::EntryUnreadable {
                        path: &path,
                        error: &format!("{err:?}"),
                    }
                    .text(),
                ),
            }
        } else if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            match read_dir(&dir.create_reader()).await {
                Ok(children) => stack.extend(children.into_iter().rev()),
                Err(err) => errors.push(
                    crate::i18n::load::Problem::FolderUnlisted {
                        path: &path,
                        error: &format!("{err:?}"),
                    }
                    .text(),
                ),
            }
        }
    }
    (files, errors)
}

async fn file_of(entry: &FileSystemFileEntry) -> Result<File, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = resolve.clone();
        let success = wasm_bindgen::closure::Closure::once_into_js(move |file: JsValue| {
            let _ = ok.call1(&JsValue::NULL, &file);
        });
        let failure = wasm_bindgen::closure::Closure::once_into_js(move |err: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        entry.file_with_callback_and_callback(success.unchecked_ref(), failure.unchecked_ref());
    });
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// All entries of a folder: `readEntries` returns them in batches until an empty one.
async fn read_dir(reader: &FileSystemDirectoryReader) -> Result<Vec<FileSystemEntry>, JsValue> {
    let mut out = Vec::new();
    loop {
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            let success = wasm_bindgen::closure::Closure::once_into_js(move |entries: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &entries);
            });
            let failure = wasm_bindgen::closure::Closure::once_into_js(move |err: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &err);
            });
            if let Err(err) = reader.read_entries_with_callback_and_callback(
                success.unchecked_ref(),
                failure.unchecked_ref(),
            ) {
                let _ = failure
                    .unchecked_ref::<Function>()
                    .call1(&JsValue::NULL, &err);
            }
        });
        let batch: Array = JsFuture::from(promise).await?.unchecked_into();
        if batch.length() == 0 {
            return Ok(out);
        }
        out.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
}
