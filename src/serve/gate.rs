//! The door of `serve`: what a connection may send before the HTTP server reads it.
//!
//! tiny_http 0.12 reads a request line and headers of any length into memory (its
//! `read_next_line` has no limit: one 400 MB request line grew `serve` to 2.5 GB) and starts
//! a thread for every connection. So connections are accepted here: at most
//! [`MAX_CONNECTIONS`] at once (503 beyond), the request head must end within
//! [`MAX_HEAD`] bytes (414 for a longer request line, 431 for longer headers) and arrive
//! within [`HEAD_TIMEOUT`]; then the head, marked `Connection: close` so that every request
//! passes this door, and the rest of the connection are handed to tiny_http on a private
//! Unix socket.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The most bytes of a request line and headers (with their line ends).
pub const MAX_HEAD: usize = 8 * 1024;
/// The most connections served at once (open pages hold one each for reload events).
pub const MAX_CONNECTIONS: usize = 64;
/// How long a client may take to send its request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Accepts connections on `public` for ever (on a thread of its own), passing the acceptable
/// ones to the HTTP server listening at `inner`.
pub fn spawn(public: TcpListener, inner: PathBuf) {
    let open = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for client in public.incoming().flatten() {
            if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                let _ = refuse(client, "503 Service Unavailable");
                continue;
            }
            open.fetch_add(1, Ordering::SeqCst);
            let (open, inner) = (Arc::clone(&open), inner.clone());
            std::thread::spawn(move || {
                let _ = pass(client, &inner);
                open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
}

/// Answers `status` with no body and closes.
fn refuse(mut client: TcpStream, status: &str) -> io::Result<()> {
    write!(
        client,
        "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    client.shutdown(Shutdown::Both)
}

/// A request head as read, or the status that refuses it.
#[derive(Debug, PartialEq, Eq)]
enum Head {
    /// The head (through its empty line) and any bytes read after it.
    Complete { head: Vec<u8>, rest: Vec<u8> },
    /// Too long: the status to answer.
    Refused(&'static str),
}

/// Reads a request head of at most [`MAX_HEAD`] bytes.
fn read_head(client: &mut impl Read) -> io::Result<Head> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = client.read(&mut chunk)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&buf, b"\r\n\r\n").filter(|&end| end + 4 <= MAX_HEAD) {
            let rest = buf.split_off(end + 4);
            return Ok(Head::Complete { head: buf, rest });
        }
        if buf.len() >= MAX_HEAD {
            let line_ended = find(&buf[..MAX_HEAD], b"\r\n").is_some();
            return Ok(Head::Refused(if line_ended {
                "431 Request Header Fields Too Large"
            } else {
                "414 URI Too Long"
            }));
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `head` with any `Connection` header replaced by `Connection: close`.
fn closing(head: &[u8]) -> Vec<u8> {
    let text = &head[..head.len() - 2];
    let mut out = Vec::with_capacity(head.len() + 19);
    for line in text.split_inclusive(|&b| b == b'\n') {
        let is_connection = line.len() > 11 && line[..11].eq_ignore_ascii_case(b"connection:");
        if !is_connection {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(b"Connection: close\r\n\r\n");
    out
}

/// Checks the head of one connection, then joins it to the HTTP server until either side
/// closes.
fn pass(mut client: TcpStream, inner: &Path) -> io::Result<()> {
    client.set_read_timeout(Some(HEAD_TIMEOUT))?;
    let (head, rest) = match read_head(&mut client)? {
        Head::Complete { head, rest } => (head, rest),
        Head::Refused(status) => return refuse(client, status),
    };
    client.set_read_timeout(None)?;
    let mut server = UnixStream::connect(inner)?;
    server.write_all(&closing(&head))?;
    server.write_all(&rest)?;
    let (mut from_client, mut to_server) = (client.try_clone()?, server.try_clone()?);
    std::thread::spawn(move || {
        let _ = io::copy(&mut from_client, &mut to_server);
        let _ = to_server.shutdown(Shutdown::Write);
    });
    let _ = io::copy(&mut server, &mut client);
    client.shutdown(Shutdown::Both)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_read_within_the_limit_and_refused_beyond_it() {
        let ok = b"GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\nbody".to_vec();
        let Head::Complete { head, rest } = read_head(&mut ok.as_slice()).unwrap() else {
            panic!("a short head is read");
        };
        assert_eq!(rest, b"body");
        assert_eq!(
            closing(&head),
            b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        );
        let long_line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(
            read_head(&mut long_line.as_bytes()).unwrap(),
            Head::Refused("414 URI Too Long")
        );
        let long_headers = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(
            read_head(&mut long_headers.as_bytes()).unwrap(),
            Head::Refused("431 Request Header Fields Too Large")
        );
    }
}
