//! What both test files of the CLI need.

/// Serves each path of `pages` (status and body) over plain HTTP on a local port, for as many
/// requests as there are pages; returns the server's address.
pub fn serve(pages: Vec<(&'static str, u16, String)>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(pages.len()) {
            let mut stream = stream.unwrap();
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            let path = request.split_whitespace().nth(1).unwrap_or_default();
            let (status, body) = pages
                .iter()
                .find(|(p, _, _)| *p == path)
                .map_or((404, String::new()), |(_, s, b)| (*s, b.clone()));
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(body.as_bytes()).unwrap();
        }
    });
    address
}
