//! What is being served: the built files in memory, the current content errors, and the
//! browsers listening for reloads (server-sent events).

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde::Serialize;

use super::live::Patch;
use crate::diagnostics::Diagnostic;

/// The served site and its listeners, shared by the HTTP workers and the rebuild loop.
#[derive(Default)]
pub struct Store {
    files: RwLock<BTreeMap<String, Arc<[u8]>>>,
    errors: RwLock<Vec<Diagnostic>>,
    listeners: Mutex<Vec<Box<dyn Write + Send>>>,
}

/// An error as the browser's overlay shows it.
#[derive(Serialize)]
struct Shown<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

impl Store {
    /// The file at `path` (relative to the output root, `uslugi/x/index.html`).
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        let files = self.files.read().unwrap_or_else(PoisonError::into_inner);
        files.get(path).cloned()
    }

    /// Is there a file at `path`?
    pub fn has(&self, path: &str) -> bool {
        let files = self.files.read().unwrap_or_else(PoisonError::into_inner);
        files.contains_key(path)
    }

    /// The content errors that stop the site from being rebuilt (none: the site is current).
    pub fn errors(&self) -> Vec<Diagnostic> {
        self.errors
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Puts rebuilt files in place and tells the browsers which ones changed.
    pub fn apply(&self, patch: Patch) {
        let changed: Vec<String> = {
            let mut files = self.files.write().unwrap_or_else(PoisonError::into_inner);
            match patch {
                Patch::Whole(all) => {
                    *files = all
                        .into_iter()
                        .map(|f| (f.path, Arc::from(f.bytes)))
                        .collect();
                    vec!["*".to_string()]
                }
                Patch::Part {
                    files: new,
                    removed,
                } => {
                    let mut changed = Vec::with_capacity(new.len() + removed.len());
                    for path in removed {
                        files.remove(&path);
                        changed.push(format!("/{path}"));
                    }
                    for file in new {
                        changed.push(format!("/{}", file.path));
                        files.insert(file.path, Arc::from(file.bytes));
                    }
                    changed
                }
            }
        };
        let data = serde_json::to_string(&changed).unwrap_or_else(|_| "[\"*\"]".into());
        self.send("reload", &data);
    }

    /// Sets the current content errors: the browsers show them over the page, or take the
    /// overlay away and reload when there are none any more.
    pub fn set_errors(&self, errors: Vec<Diagnostic>) {
        let had = {
            let mut current = self.errors.write().unwrap_or_else(PoisonError::into_inner);
            let had = !current.is_empty();
            *current = errors.clone();
            had
        };
        if !errors.is_empty() {
            self.send("errors", &errors_json(&errors));
        } else if had {
            self.send("clean", "{}");
        }
    }

    /// Adds a browser to tell about changes: `stream` is its raw connection, to which the
    /// HTTP response head has not been written yet.
    pub fn listen(&self, mut stream: Box<dyn Write + Send>) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        let mut hello = format!("{head}retry: 500\n\n");
        let errors = self.errors();
        if !errors.is_empty() {
            hello.push_str(&event("errors", &errors_json(&errors)));
        }
        if stream.write_all(hello.as_bytes()).is_ok() && stream.flush().is_ok() {
            let mut listeners = self
                .listeners
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            listeners.push(stream);
        }
    }

    /// Sends one event to every listening browser, forgetting those that went away.
    fn send(&self, name: &str, data: &str) {
        let message = event(name, data);
        let mut listeners = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        listeners.retain_mut(|l| l.write_all(message.as_bytes()).is_ok() && l.flush().is_ok());
    }
}

/// One server-sent event; `data` is one line of JSON.
fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

fn errors_json(errors: &[Diagnostic]) -> String {
    let shown: Vec<Shown<'_>> = errors
        .iter()
        .map(|d| Shown {
            path: &d.path,
            line: d.line,
            column: d.column,
            message: &d.message,
            help: d.help.as_deref(),
        })
        .collect();
    serde_json::to_string(&shown).unwrap_or_else(|_| "[]".into())
}
