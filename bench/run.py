"""`make bench`: load a large generated site served as in production, and print one table.

1. ``bench/generate.py`` fills ``var/bench.sqlite3`` (reused while it is complete).
2. ``make serve`` runs on it twice: once with the page cache off (cold: every
   request renders its page) and once with it on (warm: the cache was filled
   before measuring).
3. For each URL, wrk, a separate process, keeps a fixed number of connections
   busy for a few seconds, asking for gzip like a browser. A static file
   served by the same server gives the ceiling each page is compared with.
4. Each gunicorn worker's own CPU time (``/proc/<pid>/stat``) is read before and
   after each URL's load: the CPU milliseconds per request it gives are steadier on a
   shared machine than requests per second. The access log, which names the worker
   of each request, tells how evenly the workers shared the load.
5. The member pages are loaded with the session cookie of a member's account, the
   page cache on or off: a logged-in member's page is always rendered.
6. The workers' resident memory is sampled all along; the peak is reported.

Everything runs on 127.0.0.1 and stops by itself.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
DATABASE = VAR / "bench.sqlite3"
PIDFILE = VAR / "bench-gunicorn.pid"
LOG = VAR / "bench-server.log"
ACCESS_LOG = VAR / "bench-access.log"
URLS = VAR / "bench-urls.json"
# One key for the generator (which logs the member in) and both servers.
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-" + os.urandom(24).hex())
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or free_port())
DURATION = int(os.environ.get("BENCH_SECONDS", 5))
WARMUP = 1
WARMUP_ROUNDS = 30
WARMUP_REQUESTS = 3
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 8))
THREADS = 2
MODES = {"cold": "0", "warm": "300"}
# While working on a page: BENCH_PAGES=calendar,search BENCH_MODES=cold measures only the
# pages whose names contain one of those words, with the page cache off. The verdict then
# covers only what was measured.
ONLY_PAGES = [word for word in os.environ.get("BENCH_PAGES", "").split(",") if word]
ONLY_MODES = [mode for mode in os.environ.get("BENCH_MODES", "").split(",") if mode]
# The issues' targets, checked at the end of the table.
WARM_RATIO, WARM_P99_MS, WORKER_MB = 0.70, 50.0, 150.0
# Worker CPU milliseconds per request of a rendered page (the page cache off).
CPU_MS = {
    "home": 7,
    "news post": 7,
    "news list, page 2": 12,
    "member directory": 12,
    "event page": 8,
    "events calendar": 20,
    "search": 20,
    "search, a rarer word": 20,
    "member": 12,
}
# The busiest worker serves at most this many times the requests of the least busy.
BALANCE = 2.0


def environment(page_cache_seconds):
    return os.environ | {
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "MEDIA_ROOT": str(VAR / "bench-media"),
        "PRIVATE_MEDIA_ROOT": str(VAR / "bench-private"),
        "PAGE_CACHE_SECONDS": page_cache_seconds,
        "PAGE_CACHE_STAMP": str(VAR / "bench-page-cache.stamp"),
        "BIND": f"127.0.0.1:{PORT}",
        # Each request's line in the access log is the id of the worker that served it.
        "GUNICORN_CMD_ARGS": f"--pid {PIDFILE} --access-logformat %(p)s",
        "ACCESS_LOG": str(ACCESS_LOG),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": SECRET_KEY,
    }


def generate():
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "bench/generate.py"], cwd=ROOT, env=environment("0"), check=True
    )
    print(f"Data ready in {time.monotonic() - started:.0f} s.", flush=True)
    return json.loads(URLS.read_text())


class Server:
    """`make serve` in its own process group, stopped with the group."""

    def __init__(self, page_cache_seconds):
        self.env = environment(page_cache_seconds)

    def __enter__(self):
        # Another server on the port would answer in this one's stead.
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", PORT)) == 0:
                sys.exit(f"Port {PORT} is taken by another server; choose another BENCH_PORT.")
        PIDFILE.unlink(missing_ok=True)
        self.log = LOG.open("a")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"make serve stopped; see {LOG}")
            if PIDFILE.exists() and fetch("/healthz")[0] == 200:
                self.master = int(PIDFILE.read_text())
                return self
            time.sleep(0.5)
        self.stop()
        sys.exit(f"make serve did not answer within 3 minutes; see {LOG}")

    def workers(self):
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.master:
                children.append(int(stat.parent.name))
        return children

    def cpu_seconds(self):
        """The CPU time (user and system) each worker has used so far, by process id."""
        used = {}
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # utime and stime, fields 14 and 15 of proc(5), counted after the name.
            used[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        return used

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()

    def __exit__(self, *exc):
        self.stop()


class MemoryWatch(threading.Thread):
    """Samples the workers' resident memory (VmHWM is each one's own peak)."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server = server
        self.peak_kb = 0
        self.running = True

    def run(self):
        while self.running:
            for pid in self.server.workers():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
                if match:
                    self.peak_kb = max(self.peak_kb, int(match[1]))
            time.sleep(0.2)

    def stop(self):
        self.running = False
        self.join()


def fetch(path, cookie=None):
    """The status and text of a page, or (None, "") when the server does not answer."""
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return None, ""


def stylesheet():
    """The static file to compare with: the stylesheet the home page links (hashed name)."""
    _status, html = fetch("/de/")
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', html)[1]


def milliseconds(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(path, seconds, cookie=None):
    headers = ["-H", "Accept-Encoding: gzip"] + (["-H", f"Cookie: {cookie}"] if cookie else [])
    output = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            *headers,
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": milliseconds(percentiles["50"]),
        "p99": milliseconds(percentiles["99"]),
        "errors": sum(map(int, socket.groups())) if socket else 0,
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
    }


def served_since(log_offset):
    """How many requests each worker (by process id, as text) served since ``log_offset``
    of the access log, once the requests still in the workers have been answered."""
    size, deadline = -1, time.monotonic() + 60
    while size != ACCESS_LOG.stat().st_size and time.monotonic() < deadline:
        size = ACCESS_LOG.stat().st_size
        time.sleep(0.5)
    with ACCESS_LOG.open() as log:
        log.seek(log_offset)
        # gunicorn writes the process id as <1234>.
        return Counter(line.strip().strip("<>") for line in log if line.strip())


def measured(server, path, cookie=None):
    """wrk's figures for ``path``, with the workers' CPU time per request and how many
    requests each worker served.

    Requests that wrk left unanswered when it stopped are still rendered: the CPU time
    and the requests are both counted once the workers have finished them.
    """
    cpu_before = server.cpu_seconds()
    log_offset = ACCESS_LOG.stat().st_size
    result = wrk(path, DURATION, cookie)
    served = served_since(log_offset)
    cpu_after = server.cpu_seconds()
    cpu = sum(cpu_after[pid] - cpu_before.get(pid, 0) for pid in cpu_after)
    requests = sum(served.values())
    result["cpu_ms"] = 1000 * cpu / requests if requests else None
    # Every worker counts, also one that served nothing.
    result["per_worker"] = sorted(served.get(str(pid), 0) for pid in cpu_after)
    return result


def warm_up(server, path, mode, cookie=None):
    """Load the URL until every worker has its templates compiled and (warm) the page cached.

    Each worker has its own local-memory cache and any worker may take a connection,
    so one request is not enough. A rendered page is loaded until every worker has
    served it a few times (its templates compiled, its fragments cached); with the
    page cache on, until even the slowest answers are fast.
    """
    if mode == "cold" or cookie:
        # Requests that wait for their answers: wrk stopping would leave some in the
        # workers, to be rendered while the next measurement runs.
        with ThreadPoolExecutor(CONNECTIONS) as pool:
            for _round in range(WARMUP_ROUNDS):
                log_offset = ACCESS_LOG.stat().st_size
                list(pool.map(lambda _number: fetch(path, cookie), range(CONNECTIONS)))
                served = served_since(log_offset)
                if all(served[str(pid)] >= WARMUP_REQUESTS for pid in server.workers()):
                    return
        return
    fast_rounds = 0
    for _round in range(WARMUP_ROUNDS):
        fast_rounds = fast_rounds + 1 if wrk(path, WARMUP)["p99"] < WARM_P99_MS else 0
        if fast_rounds == 2:
            return


def pages(urls, cookie=None):
    """(name, language, path, cookie) of every page of ``urls``."""
    return [
        (name, language, path, cookie)
        for name, by_language in urls.items()
        for language, path in by_language.items()
        if not ONLY_PAGES or any(word in name for word in ONLY_PAGES)
    ]


def measure(mode, urls):
    rows = []
    with Server(MODES[mode]) as server:
        watch = MemoryWatch(server)
        watch.start()
        # The static file first and last: other work on the machine moves the ceiling,
        # and the ratios use the mean of the two.
        static = ("static file", "-", stylesheet(), None)
        targets = (
            [static]
            + pages(urls["public"])
            + pages(urls["member"], urls["member_cookie"])
            + [static]
        )
        for name, language, path, cookie in targets:
            status, _html = fetch(path, cookie)
            if status != 200:
                sys.exit(f"{path} answered {status} instead of 200; see {LOG}")
            warm_up(server, path, mode, cookie)
            result = measured(server, path, cookie)
            rows.append(
                {"page": name, "language": language, "mode": mode, "member": bool(cookie)} | result
            )
            print(
                f"  {mode:4}  {name:<17} {language:2}  {result['rps']:6.0f} req/s"
                f"  {cpu_text(result['cpu_ms']):>5} CPU ms/request"
                f"  (worker peak so far {watch.peak_kb / 1024:.0f} MB)",
                flush=True,
            )
        watch.stop()
    static = (rows[0]["rps"] + rows[-1]["rps"]) / 2
    for row in rows:
        row["ratio"] = row["rps"] / static
    return rows, watch.peak_kb / 1024


def cpu_text(cpu_ms):
    """CPU milliseconds per request for the table: "-" where no request was completed."""
    return "-" if cpu_ms is None else f"{cpu_ms:.1f}"


def table(rows, peak_mb):
    lines = [
        "| page | lang | cache | req/s | CPU ms/req | p50 ms | p99 ms | errors "
        "| vs static (mean) | requests per worker |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        errors = row["errors"] + row["non_2xx"]
        lines.append(
            f"| {row['page']} | {row['language']} | {row['mode']} | {row['rps']:.0f} "
            f"| {cpu_text(row['cpu_ms'])} | {row['p50']:.1f} | {row['p99']:.1f} | {errors} "
            f"| {row['ratio']:.0%} | {' '.join(map(str, row['per_worker']))} |"
        )
    lines.append("")
    lines.append(f"Peak resident memory of a worker: {peak_mb:.0f} MB")
    return "\n".join(lines)


def cpu_target(row):
    """The CPU milliseconds per request ``row``'s page may cost rendered, or None."""
    return CPU_MS["member"] if row["member"] else CPU_MS.get(row["page"])


def imbalance(row):
    """How many times the requests of the least busy worker the busiest one served."""
    fewest, most = row["per_worker"][0], row["per_worker"][-1]
    return most / fewest if fewest else float("inf")


def verdict(rows, peak_mb):
    pages = [row for row in rows if row["page"] != "static file"]
    warm = [row for row in pages if row["mode"] == "warm" and not row["member"]]
    rendered = [row for row in pages if row["mode"] == "cold" or row["member"]]
    over = [
        f"{row['page']} {row['language']} {row['mode']}"
        f" {cpu_text(row['cpu_ms'])} > {cpu_target(row)}"
        for row in rendered
        if cpu_target(row) is not None and (row["cpu_ms"] or float("inf")) > cpu_target(row)
    ]
    # Balance matters where a request costs a worker real time: an idle worker then means
    # lost throughput. A cached page takes a millisecond, and whichever worker wakes first
    # takes the next; there it is enough that every worker gets requests.
    checks = [("no errors", sum(r["errors"] + r["non_2xx"] for r in rows) == 0, "")]
    if warm:
        checks.append(
            (
                f"warm pages >= {WARM_RATIO:.0%} of static",
                min(r["ratio"] for r in warm) >= WARM_RATIO,
                f"lowest {min(r['ratio'] for r in warm):.0%}",
            )
        )
    if rendered:
        worst = max(rendered, key=imbalance)
        checks += [
            ("rendered pages within their CPU ms per request", not over, "; ".join(over)),
            (
                f"rendered pages balanced over the workers within a factor of {BALANCE:g}",
                imbalance(worst) <= BALANCE,
                f"worst {imbalance(worst):.1f}: {worst['page']} {worst['language']}"
                f" {worst['mode']}",
            ),
        ]
    if warm:
        checks.append(
            (
                f"warm p99 < {WARM_P99_MS:.0f} ms",
                max(r["p99"] for r in warm) < WARM_P99_MS,
                f"highest {max(r['p99'] for r in warm):.1f} ms",
            )
        )
    checks += [
        ("every worker served every URL", all(row["per_worker"][0] for row in rows), ""),
        (f"worker <= {WORKER_MB:.0f} MB", peak_mb <= WORKER_MB, f"peak {peak_mb:.0f} MB"),
    ]
    return "\n".join(
        f"{'met   ' if ok else 'MISSED'}  {name}{f' ({detail})' if detail else ''}"
        for name, ok, detail in checks
    )


def main():
    started = time.monotonic()
    VAR.mkdir(exist_ok=True)
    LOG.write_text("")
    ACCESS_LOG.write_text("")
    urls = generate()
    rows, peaks = [], []
    for mode in ONLY_MODES or MODES:
        print(f"Measuring with the page cache {'off' if mode == 'cold' else 'on'} ...", flush=True)
        mode_rows, peak_mb = measure(mode, urls)
        rows += mode_rows
        peaks.append(peak_mb)
    peak_mb = max(peaks)
    print()
    print(
        f"{os.cpu_count()} cores; wrk with {THREADS} threads and {CONNECTIONS} connections, "
        f"{DURATION} s per URL, Accept-Encoding: gzip"
    )
    print(table(rows, peak_mb))
    print()
    print(verdict(rows, peak_mb))
    print(f"\nThe benchmark took {time.monotonic() - started:.0f} s.")
    if any(row["errors"] or row["non_2xx"] for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
