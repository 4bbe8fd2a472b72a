//! A tiny HTTP/1.1 server on 127.0.0.1 for the fetch tests: it answers
//! each request from a script of replies keyed by path and query, one
//! connection at a time, with `Connection: close`. No test needs the
//! internet.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead as _, BufReader, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A response with this status and JSON (or not-quite-JSON) body.
    Body(u16, String),
    /// Read the request and never answer (the connection stays open until
    /// the server stops).
    Hang,
}

/// The replies still to give, by request target.
type Script = Arc<Mutex<HashMap<String, VecDeque<Reply>>>>;

/// A running server; stops when dropped.
pub struct Server {
    addr: SocketAddr,
    script: Script,
    hits: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server with an empty script: every request is answered
    /// 404 until [`Server::script`] says otherwise.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let script = Script::default();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (script, hits, stop) = (Arc::clone(&script), Arc::clone(&hits), Arc::clone(&stop));
            std::thread::spawn(move || serve(&listener, &script, &hits, &stop))
        };
        Server { addr, script, hits, stop, thread: Some(thread) }
    }

    /// Answers requests for `target` (path and query) with `replies` in
    /// turn, repeating the last one.
    pub fn script(&self, target: &str, replies: Vec<Reply>) {
        assert!(!replies.is_empty(), "a script needs a reply");
        self.script.lock().expect("script lock").insert(target.to_owned(), replies.into());
    }

    /// The base URL to give `FetchOptions` (`http://127.0.0.1:port/v2`).
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }

    /// The absolute URL of a path and query on this server.
    pub fn url(&self, target: &str) -> String {
        format!("http://{}{target}", self.addr)
    }

    /// The request targets (path and query) received so far, in order.
    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().expect("hits lock").clone()
    }

    /// Stops the server and closes its port.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.stop.store(true, Ordering::SeqCst);
            // Wakes the accept loop so that it sees the flag.
            let _ = TcpStream::connect(self.addr);
            thread.join().expect("server thread");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// The accept loop: one connection at a time, each answered by the next
/// reply for its target.
fn serve(listener: &TcpListener, script: &Script, hits: &Mutex<Vec<String>>, stop: &AtomicBool) {
    // Connections left hanging are held here until the server stops.
    let mut hung = Vec::new();
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(mut stream) = stream else { continue };
        let Some(target) = read_request(&stream) else { continue };
        hits.lock().expect("hits lock").push(target.clone());
        let reply = match script.lock().expect("script lock").get_mut(&target) {
            Some(queue) if queue.len() > 1 => queue.pop_front().expect("a reply"),
            Some(queue) => queue.front().cloned().expect("a reply"),
            None => Reply::Body(404, format!("{{\"error\": \"no script for {target}\"}}")),
        };
        match reply {
            Reply::Body(status, body) => {
                let head = format!(
                    "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    reason(status),
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.as_bytes()));
                let _ = stream.flush();
                let _ = stream.shutdown(std::net::Shutdown::Write);
            }
            Reply::Hang => hung.push(stream),
        }
    }
}

/// Reads the request line and headers; returns the target (path and
/// query), or `None` for a connection that sent no request.
fn read_request(stream: &TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let target = line.split_whitespace().nth(1)?.to_owned();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return None,
            Ok(_) if header == "\r\n" || header == "\n" => return Some(target),
            Ok(_) => {}
        }
    }
}

/// The reason phrase of the statuses the tests use.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
