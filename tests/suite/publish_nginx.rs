//! The self-hosted path under load: Debian's nginx serves the live symlink with
//! `docs/deploy/nginx.conf`, a client asks for the home page in a loop, and five publishes by
//! `git push` swap the site meanwhile. Every response must be 200: no gap during a swap.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::{git, ok, repo};

fn nginx_binary() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .expect("nginx is installed (tests/setup installs Debian's nginx)")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The deploy file, pointed at this test's live path and port, inside a minimal main config.
fn nginx_config(dir: &Path, live: &Path, port: u16) -> PathBuf {
    let deploy = std::fs::read_to_string(repo().join("docs/deploy/nginx.conf")).unwrap();
    let brotli = Path::new("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so").exists();
    let server: String = deploy
        .lines()
        .filter(|l| brotli || !l.trim_start().starts_with("brotli"))
        .filter(|l| !l.contains("listen [::]"))
        .map(|l| {
            if l.trim_start().starts_with("listen ") {
                format!("    listen 127.0.0.1:{port};")
            } else if l.trim_start().starts_with("root ") {
                format!("    root {};", live.display())
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let config = format!(
        "daemon off;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log;\ninclude /etc/nginx/modules-enabled/*.conf;\n\
         events {{ worker_connections 64; }}\nhttp {{\n  include /etc/nginx/mime.types;\n  access_log off;\n\
         client_body_temp_path {dir}/body;\n  proxy_temp_path {dir}/proxy;\n  fastcgi_temp_path {dir}/fastcgi;\n\
         uwsgi_temp_path {dir}/uwsgi;\n  scgi_temp_path {dir}/scgi;\n{server}\n}}\n",
        dir = dir.display()
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, config).unwrap();
    path
}

/// One `GET /`: the status code, or 0 when the connection failed.
fn get_status(port: u16) -> u16 {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return 0;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    if stream
        .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .is_err()
    {
        return 0;
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The running nginx; stopped with `nginx -s stop` so that its worker ends too (a killed
/// master leaves the worker running).
struct Nginx {
    child: Child,
    config: PathBuf,
    prefix: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = Command::new(nginx_binary())
            .arg("-c")
            .arg(&self.config)
            .arg("-p")
            .arg(&self.prefix)
            .args(["-s", "stop"])
            .status();
        let _ = self.child.wait();
    }
}

#[test]
fn nginx_serves_every_request_during_five_publishes() {
    let server = crate::common::publishing_server(5);
    let (dir, live, work) = (&server.dir, server.live.clone(), server.work.clone());
    ok(git(&work, &["push", "-q", "origin", "main"]));

    let port = free_port();
    let nginx_dir = dir.path().join("nginx");
    std::fs::create_dir_all(&nginx_dir).unwrap();
    let config = nginx_config(&nginx_dir, &live, port);
    let child = Command::new(nginx_binary())
        .arg("-c")
        .arg(&config)
        .arg("-p")
        .arg(&nginx_dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _nginx = Nginx {
        child,
        config: config.clone(),
        prefix: nginx_dir.clone(),
    };
    let started = Instant::now();
    loop {
        let status = get_status(port);
        if status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "nginx answers 200, not {status}: {}",
            std::fs::read_to_string(nginx_dir.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let client = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut statuses = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                statuses.push(get_status(port));
            }
            statuses
        })
    };
    let page = work.join("content/pages/about.md");
    let text = std::fs::read_to_string(&page).unwrap();
    for n in 1..=5 {
        std::fs::write(&page, format!("{text}\nПромяна {n}.\n")).unwrap();
        ok(git(&work, &["commit", "-qam", &format!("Change {n}")]));
        ok(git(&work, &["push", "-q", "origin", "main"]));
        let served = std::fs::read_to_string(live.join("about/index.html")).unwrap();
        assert!(
            served.contains(&format!("Промяна {n}.")),
            "publish {n} is live"
        );
    }
    stop.store(true, Ordering::Relaxed);
    let statuses = client.join().unwrap();
    assert!(
        statuses.len() > 20,
        "the client kept asking: {} requests",
        statuses.len()
    );
    let failures: Vec<_> = statuses.iter().filter(|s| **s != 200).collect();
    assert!(
        failures.is_empty(),
        "{} of {} requests were not 200: {failures:?}",
        failures.len(),
        statuses.len()
    );
}
