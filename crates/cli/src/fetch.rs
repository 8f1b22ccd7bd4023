//! Fetching a notebook's data URLs for `latih run` and `latih export`: only when asked
//! (`--fetch`), never from this computer or a private network unless allowed
//! (`--allow-private`), within a time limit and a byte cap. A notebook may come from a
//! stranger's link, and its URLs are theirs: followed blindly, a link could reach into the
//! learner's network (a router, a cloud metadata address), hang the run, or fill the memory.
//!
//! The address check is in the resolver, so it holds for every connection, redirects included,
//! and for the address actually connected to (a name cannot resolve to a public address when
//! checked and a private one when used).

use latih_engine::datasets::{check_data_url, fetched_data, FetchFailure};
use latih_engine::table::decode_text;
use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The most bytes read from one URL: far above any data set a notebook trains on in a tab.
pub const MAX_FETCH_BYTES: u64 = 256 << 20;
/// The longest one fetch may take, redirects and the whole body included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(60);
/// The most redirects followed.
const MAX_REDIRECTS: u32 = 5;

/// How far fetches may go.
#[derive(Clone, Copy)]
pub struct FetchLimits {
    /// Which addresses may be connected to.
    pub allowed: fn(IpAddr) -> bool,
    pub max_bytes: u64,
    pub timeout: Duration,
}

impl FetchLimits {
    /// The limits of `latih run --fetch`, with `--allow-private` or not.
    pub fn new(allow_private: bool) -> Self {
        FetchLimits {
            allowed: if allow_private { |_| true } else { is_public },
            max_bytes: MAX_FETCH_BYTES,
            timeout: FETCH_TIMEOUT,
        }
    }
}

/// Whether `ip` is on the public internet: not this computer, a private, shared or link-local
/// network (where cloud metadata services answer), nor a reserved range.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            let shared = a == 100 && (64..128).contains(&b); // carrier-grade NAT, 100.64.0.0/10
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || shared
                || a == 0
                || a >= 240)
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => {
                let first = v6.segments()[0];
                let unique_local = first & 0xfe00 == 0xfc00; // fc00::/7
                let link_local = first & 0xffc0 == 0xfe80; // fe80::/10
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    || unique_local
                    || link_local)
            }
        },
    }
}

/// The data at `url`, decoded as a `--data` file is; a web page or an error status is refused,
/// as the site refuses them, and so is an address `limits` does not allow.
pub fn fetch_data(url: &str, limits: FetchLimits) -> Result<String, FetchFailure> {
    check_data_url(url)?;
    let refused = Arc::new(AtomicBool::new(false));
    let saw_refusal = Arc::clone(&refused);
    let allowed = limits.allowed;
    let resolver = move |netloc: &str| -> io::Result<Vec<SocketAddr>> {
        let found: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
        let kept: Vec<SocketAddr> = found.iter().copied().filter(|a| allowed(a.ip())).collect();
        if kept.is_empty() && !found.is_empty() {
            saw_refusal.store(true, Ordering::Relaxed);
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "a private address",
            ));
        }
        Ok(kept)
    };
    let agent = ureq::AgentBuilder::new()
        .resolver(resolver)
        .timeout(limits.timeout)
        .redirects(MAX_REDIRECTS)
        .build();
    let unreachable = || FetchFailure::Unreachable {
        url: url.to_string(),
    };
    let response = match agent.get(url).call() {
        Ok(response) => response,
        // An error status still answers: its body is read as any other (and refused for it).
        Err(ureq::Error::Status(_, response)) => response,
        Err(ureq::Error::Transport(_)) if refused.load(Ordering::Relaxed) => {
            return Err(FetchFailure::PrivateAddress {
                url: url.to_string(),
            })
        }
        Err(ureq::Error::Transport(_)) => return Err(unreachable()),
    };
    let status = response.status();
    let mut bytes = Vec::new();
    response
        .into_reader()
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| unreachable())?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(FetchFailure::TooLarge {
            url: url.to_string(),
            limit: limits.max_bytes,
        });
    }
    fetched_data(url, status, decode_text(&bytes).text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::{Ipv4Addr, TcpListener};

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "127.9.9.9",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:1.1.1.1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    /// Answers each connection to `listener` with `answer` (given the listener's own address).
    fn serve(listener: TcpListener, answer: impl Fn(&mut std::net::TcpStream) + Send + 'static) {
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut line = String::new();
                let _ = BufReader::new(&stream).read_line(&mut line);
                answer(&mut stream);
            }
        });
    }

    fn limits(allowed: fn(IpAddr) -> bool) -> FetchLimits {
        FetchLimits {
            allowed,
            max_bytes: 1 << 20,
            timeout: Duration::from_secs(5),
        }
    }

    #[test]
    fn a_redirect_to_a_refused_address_is_refused() {
        // The whole of 127.0.0.0/8 is this computer: the first server is allowed, the one it
        // redirects to is not.
        let target = TcpListener::bind("127.0.0.2:0").unwrap();
        let target_url = format!("http://{}/secret.csv", target.local_addr().unwrap());
        serve(target, |s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\na,b\n");
        });
        let first = TcpListener::bind("127.0.0.1:0").unwrap();
        let first_url = format!("http://{}/data.csv", first.local_addr().unwrap());
        serve(first, move |s| {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {target_url}\r\nContent-Length: 0\r\n\r\n"
            );
            let _ = s.write_all(head.as_bytes());
        });
        let only_first = |ip: IpAddr| ip == IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
        assert!(matches!(
            fetch_data(&first_url, limits(only_first)),
            Err(FetchFailure::PrivateAddress { .. })
        ));
        // Allowed, the same redirect is followed to the data.
        assert_eq!(fetch_data(&first_url, limits(|_| true)).unwrap(), "a,b\n");
        // And the public-only policy refuses this computer at the first hop.
        assert!(matches!(
            fetch_data(&first_url, limits(is_public)),
            Err(FetchFailure::PrivateAddress { .. })
        ));
    }

    #[test]
    fn an_endless_body_stops_at_the_cap_and_a_silent_server_at_the_time_limit() {
        let endless = TcpListener::bind("127.0.0.1:0").unwrap();
        let endless_url = format!("http://{}/big.csv", endless.local_addr().unwrap());
        serve(endless, |s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\na,b\n");
            let row = b"1,2\n".repeat(4096);
            while s.write_all(&row).is_ok() {}
        });
        assert!(matches!(
            fetch_data(&endless_url, limits(|_| true)),
            Err(FetchFailure::TooLarge { limit, .. }) if limit == 1 << 20
        ));

        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let silent_url = format!("http://{}/slow.csv", silent.local_addr().unwrap());
        serve(silent, |_| std::thread::sleep(Duration::from_secs(30)));
        let quick = FetchLimits {
            timeout: Duration::from_millis(500),
            ..limits(|_| true)
        };
        assert!(matches!(
            fetch_data(&silent_url, quick),
            Err(FetchFailure::Unreachable { .. })
        ));
    }
}
