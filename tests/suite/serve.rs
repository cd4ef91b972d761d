//! `kartoteka serve` as an editor uses it: pages over HTTP on a free loopback port, a
//! rebuild and a reload event after a save, the errors overlay over the last good page, and
//! no way out of the built site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long anything may take before the test gives up.
const WAIT: Duration = Duration::from_secs(20);

/// A running `kartoteka serve`, stopped when dropped.
struct Serve {
    child: Child,
    addr: String,
    root: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Serve {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_tree(&crate::common::fixture("render-site"), dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["serve", "--port", "0", "--date", "2026-11-25"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kartoteka starts");
    let stderr = child.stderr.take().expect("stderr");
    let (send, lines) = channel();
    std::thread::spawn(move || {
        // Read to the end, so that the server never writes to a closed pipe.
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let addr = loop {
        let line = lines.recv_timeout(WAIT).expect("serve prints its address");
        if let Some((_, url)) = line.split_once(" at http://") {
            break url.split('/').next().expect("host:port").to_string();
        }
    };
    assert!(addr.starts_with("127.0.0.1:"), "loopback only: {addr}");
    Serve {
        child,
        addr,
        root: dir.path().to_path_buf(),
        _dir: dir,
    }
}

/// A response: status, head (lowercase), body.
struct Got {
    status: u16,
    head: String,
    body: String,
}

fn get(addr: &str, path: &str) -> Got {
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("reads");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    Got {
        status,
        head: head.to_lowercase(),
        body: body.to_string(),
    }
}

/// Listens to the server's events: (event name, data) as they come.
fn events(addr: &str) -> Receiver<(String, String)> {
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(
        stream,
        "GET /__kartoteka/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .expect("sends");
    let (send, events) = channel();
    std::thread::spawn(move || {
        let mut name = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if line.starts_with("retry: ") {
                // The stream is open: the server will send what happens from now on.
                let _ = send.send(("open".into(), String::new()));
            } else if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(data) = line.strip_prefix("data: ")
                && send.send((name.clone(), data.to_string())).is_err()
            {
                break;
            }
        }
    });
    wait_for(&events, "open", "");
    events
}

/// Waits for an event named `name` whose data contains `text`.
fn wait_for(events: &Receiver<(String, String)>, name: &str, text: &str) -> String {
    let started = Instant::now();
    while let Some(left) = WAIT.checked_sub(started.elapsed()) {
        if let Ok((n, data)) = events.recv_timeout(left)
            && n == name
            && data.contains(text)
        {
            return data;
        }
    }
    panic!("no `{name}` event with {text:?} within {WAIT:?}");
}

/// Polls `path` until its body contains `text`.
fn poll(addr: &str, path: &str, text: &str) -> Got {
    let started = Instant::now();
    loop {
        let got = get(addr, path);
        if got.body.contains(text) {
            return got;
        }
        assert!(started.elapsed() < WAIT, "{path} never showed {text:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

const TSOP: &str = "content/services/tsop.md";

#[test]
fn a_saved_edit_is_served_and_the_page_told_to_reload() {
    let s = serve();
    let page = get(&s.addr, "/uslugi/tsop/");
    assert_eq!(page.status, 200);
    assert!(page.head.contains("content-type: text/html; charset=utf-8"));
    assert!(page.body.contains("Център за обществена подкрепа"));
    assert!(
        page.body
            .contains("<script src=\"/__kartoteka/live.js\"></script>\n</body>")
    );
    let script = get(&s.addr, "/__kartoteka/live.js");
    assert!(script.head.contains("text/javascript") && script.body.contains("EventSource"));

    let events = events(&s.addr);
    replace(
        &s.root,
        TSOP,
        "title = \"Център",
        "title = \"Зорница: Център",
    );
    poll(&s.addr, "/uslugi/tsop/", "Зорница: Център");
    wait_for(&events, "reload", "\"/uslugi/tsop/index.html\"");
    // The twin and the lists that show the service follow.
    poll(&s.addr, "/en/services/tsop/", "Зорница: Център");
    poll(&s.addr, "/tselevi-grupi/children/", "Зорница: Център");
}

#[test]
fn an_invalid_edit_shows_the_errors_over_the_last_good_page() {
    let s = serve();
    let events = events(&s.addr);
    replace(
        &s.root,
        TSOP,
        "+++\ntitle",
        "+++\n\"<b>bold</b>\" = 1\ntitle",
    );
    let data = wait_for(&events, "errors", TSOP);
    assert!(
        data.contains("<b>bold</b>"),
        "the event carries the message: {data}"
    );
    let page = get(&s.addr, "/uslugi/tsop/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Център за обществена подкрепа"),
        "the last good page"
    );
    assert!(page.body.contains("id=\"kartoteka-errors\""));
    assert!(page.body.contains("content/services/tsop.md:2:"));
    assert!(page.body.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert!(!page.body.contains("<b>bold</b>"), "messages are escaped");

    replace(&s.root, TSOP, "\"<b>bold</b>\" = 1\n", "");
    wait_for(&events, "clean", "");
    let page = get(&s.addr, "/uslugi/tsop/");
    assert!(!page.body.contains("kartoteka-errors"));
}

#[test]
fn paths_cannot_leave_the_site_and_files_have_their_types() {
    let s = serve();
    for path in [
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/..%2fconfig.toml",
        "/uslugi/%2E%2E/%2e%2e/vocabularies.toml",
        "/uslugi/..\\..\\config.toml",
        "/en/../../config.toml",
    ] {
        let got = get(&s.addr, path);
        assert_eq!(got.status, 404, "{path}");
        assert!(!got.body.contains("base_url") && !got.body.contains("service_types"));
    }
    let missing = get(&s.addr, "/en/nothing-here/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<html lang=\"en\""),
        "the site's English 404 page"
    );

    let types = [
        ("/assets/style.css", "text/css"),
        ("/sitemap.xml", "application/xml"),
        ("/search/bg/manifest.json", "application/json"),
        ("/robots.txt", "text/plain"),
    ];
    for (path, kind) in types {
        let got = get(&s.addr, path);
        assert_eq!(got.status, 200, "{path}");
        assert!(
            got.head.contains(&format!("content-type: {kind}")),
            "{path}: {}",
            got.head
        );
        assert!(
            !got.body.contains("__kartoteka"),
            "{path}: the script is for HTML only"
        );
    }
    let folder = get(&s.addr, "/uslugi/tsop");
    assert_eq!(folder.status, 301);
    assert!(folder.head.contains("location: /uslugi/tsop/"));
}

/// Sends `request` (written while the server may already answer) and reads the status.
fn status_of(addr: &str, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connects");
    let _ = stream.write_all(request); // the server may answer and close before the end
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a status line: {text:?}"))
}

#[test]
fn long_request_lines_and_headers_are_refused_before_they_are_read() {
    let serve = serve();
    let line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(1 << 20));
    assert_eq!(status_of(&serve.addr, line.as_bytes()), 414);
    let headers = format!(
        "GET / HTTP/1.1\r\nHost: x\r\n{}\r\n",
        "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(400)
    );
    assert_eq!(status_of(&serve.addr, headers.as_bytes()), 431);
    // Many idle connections: those over the limit are turned away, and pages still load
    // once they are gone.
    let idle: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(&serve.addr).expect("connects"))
        .collect();
    let mut last = idle
        .last()
        .expect("connections")
        .try_clone()
        .expect("clone");
    let mut answer = String::new();
    last.set_read_timeout(Some(WAIT)).expect("timeout");
    let _ = last.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:?}");
    drop(idle);
    drop(last);
    let page = poll(&serve.addr, "/", "<html");
    assert_eq!(page.status, 200);
}
