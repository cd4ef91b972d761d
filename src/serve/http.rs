//! The HTTP side of `serve`: files from the [`Store`] with their content types, `index.html`
//! for folders, the site's 404 page, and the reload script and event stream that only
//! `serve` adds. A request path is only ever a key into the in-memory files, and any path
//! with a `..` segment is refused, so nothing outside the built site can be reached.

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::store::Store;
use crate::diagnostics::Diagnostic;
use crate::escape::html as escape_html;

/// The URL of the event stream browsers listen to for reloads and errors.
pub const EVENTS: &str = "/__kartoteka/events";
/// The URL of the reload script added to every HTML page in `serve`.
pub const SCRIPT: &str = "/__kartoteka/live.js";
/// The reload script.
const LIVE_JS: &str = include_str!("live.js");
/// How many requests are answered at once (event streams do not hold a worker).
const WORKERS: usize = 4;

/// A running HTTP server; its workers stop when the process does.
pub struct Server {
    addr: SocketAddr,
}

impl Server {
    /// Listens on `addr` and answers requests from `store` on worker threads.
    pub fn bind(addr: SocketAddr, store: Arc<Store>) -> io::Result<Server> {
        let listener = without_delay(TcpListener::bind(addr)?);
        let addr = listener.local_addr()?;
        let server = Arc::new(behind_gate(listener)?);
        for _ in 0..WORKERS {
            let (server, store) = (Arc::clone(&server), Arc::clone(&store));
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(&store, request);
                }
            });
        }
        Ok(Server { addr })
    }

    /// The address listened on (with the port picked, when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

/// The HTTP server, on a private Unix socket behind the [`super::gate`] that accepts the
/// connections of `listener` and limits what they may send.
#[cfg(unix)]
fn behind_gate(listener: TcpListener) -> io::Result<tiny_http::Server> {
    let dir = std::env::temp_dir().join(format!("kartoteka-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let socket = dir.join(format!("{}.sock", listener.local_addr()?.port()));
    let _ = std::fs::remove_file(&socket);
    let inner = std::os::unix::net::UnixListener::bind(&socket)?;
    let server = tiny_http::Server::from_listener(inner, None).map_err(io::Error::other)?;
    super::gate::spawn(listener, socket);
    Ok(server)
}

/// Elsewhere tiny_http takes the connections itself, without limits on the request head.
#[cfg(not(unix))]
fn behind_gate(listener: TcpListener) -> io::Result<tiny_http::Server> {
    tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)
}

/// Turns off Nagle's algorithm on the connections `listener` accepts (they inherit it from
/// the listening socket). With it, a response's body waits for the browser to acknowledge
/// its head, and browsers delay that acknowledgement by 40 ms: on every file served.
#[cfg(unix)]
fn without_delay(listener: TcpListener) -> TcpListener {
    use std::net::TcpStream;
    use std::os::fd::OwnedFd;
    // The standard library sets the option only through a stream; it is the same socket
    // option on a listening socket, so the socket passes through a stream and back.
    let socket = TcpStream::from(OwnedFd::from(listener));
    let _ = socket.set_nodelay(true);
    TcpListener::from(OwnedFd::from(socket))
}

/// Elsewhere the listener is left as it is.
#[cfg(not(unix))]
fn without_delay(listener: TcpListener) -> TcpListener {
    listener
}

/// What a request path asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site, by its path below the output root.
    File(String),
    /// Nothing that can be served (a `..` segment, a bad escape, a backslash).
    Refused,
}

/// The file a request path (`/uslugi/x/?q=1`) names: `uslugi/x/index.html`.
pub fn target(url: &str) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let Some(path) = path.strip_prefix('/') else {
        return Target::Refused;
    };
    let Some(path) = percent_decode(path) else {
        return Target::Refused;
    };
    let bad = |segment: &str| matches!(segment, "." | "..") || segment.contains(['\\', '\0']);
    if path.split('/').any(bad) {
        return Target::Refused;
    }
    if path.is_empty() || path.ends_with('/') {
        Target::File(format!("{path}index.html"))
    } else {
        Target::File(path)
    }
}

/// `%XX` escapes decoded; `None` when one is malformed or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn handle(store: &Store, request: Request) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::empty(StatusCode(405)));
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == EVENTS {
        store.listen(request.into_writer());
        return;
    }
    if path == SCRIPT {
        respond(request, 200, "live.js", LIVE_JS.as_bytes().to_vec());
        return;
    }
    let file = match target(&url) {
        Target::File(file) => file,
        Target::Refused => return not_found(store, request, ""),
    };
    if let Some(bytes) = store.get(&file) {
        let body = page(&file, &bytes, &store.errors());
        return respond(request, 200, &file, body);
    }
    let folder = format!("{file}/index.html");
    let location = header("Location", &format!("{path}/"));
    if let Some(location) = location.filter(|_| !file.ends_with("index.html") && store.has(&folder))
    {
        let _ = request.respond(Response::empty(StatusCode(301)).with_header(location));
        return;
    }
    not_found(store, request, &file)
}

/// The site's "not found" page in the language of the path asked for.
fn not_found(store: &Store, request: Request, file: &str) {
    let page = if file.starts_with("en/") {
        "en/404.html"
    } else {
        "404.html"
    };
    let body = match store.get(page) {
        Some(bytes) => self::page(page, &bytes, &store.errors()),
        None => b"not found".to_vec(),
    };
    let kind = if store.has(page) { page } else { "404.txt" };
    respond(request, 404, kind, body);
}

/// A file as served: HTML pages get the reload script, and the errors overlay when the
/// content has errors; other files go out as they are.
fn page(path: &str, bytes: &[u8], errors: &[Diagnostic]) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes.to_vec();
    }
    let html = String::from_utf8_lossy(bytes);
    let snippet = format!("{}<script src=\"{SCRIPT}\"></script>\n", overlay(errors));
    let at = html.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(&snippet);
    out.push_str(&html[at..]);
    out.into_bytes()
}

/// The errors overlay as HTML, every message escaped; empty when there are no errors.
pub fn overlay(errors: &[Diagnostic]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<div id=\"kartoteka-errors\" role=\"alert\"><p><strong>The content has errors; this is the last good version of the page.</strong></p><ul>",
    );
    for d in errors {
        html.push_str(&format!(
            "<li><code>{}:{}:{}</code> {}",
            escape_html(&d.path),
            d.line,
            d.column,
            escape_html(&d.message)
        ));
        if let Some(help) = &d.help {
            html.push_str(&format!("<br><em>{}</em>", escape_html(help)));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></div>\n");
    html
}

fn respond(request: Request, status: u16, path: &str, body: Vec<u8>) {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    for h in [
        header("Content-Type", content_type(path)),
        header("Cache-Control", "no-store"),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// A response header; `None` when the value is not plain ASCII.
fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_files_and_never_leave_the_site() {
        assert_eq!(target("/"), Target::File("index.html".into()));
        assert_eq!(
            target("/uslugi/x/?q=1"),
            Target::File("uslugi/x/index.html".into())
        );
        assert_eq!(
            target("/assets/style.css"),
            Target::File("assets/style.css".into())
        );
        assert_eq!(target("/%D0%B0/"), Target::File("а/index.html".into()));
        for bad in [
            "/../config.toml",
            "/uslugi/../../x",
            "/%2e%2e/config.toml",
            "/a/%2E%2E/%2e%2E/b",
            "/a\\..\\b",
            "/%zz",
            "/%c0%ae%c0%ae/x",
            "relative",
        ] {
            assert_eq!(target(bad), Target::Refused, "{bad}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a/b.JSON"), "application/json");
        assert_eq!(content_type("x.pdf"), "application/pdf");
        assert_eq!(content_type("noextension"), "application/octet-stream");
    }

    #[test]
    fn overlay_escapes_messages() {
        let d = Diagnostic::whole_file(
            "content/services/<x>.md",
            crate::Severity::Error,
            "<script>alert(1)</script>",
        );
        let html = overlay(&[d]);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
