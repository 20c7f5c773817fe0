#!/usr/bin/env python3
"""Search over HTTP at size: the driver of scripts/bench-search-http.sh (standard library only).

Starts the packaged application on a fresh data directory (embedded H2, the README defaults),
registers the searcher (user7) through the sign-up form, stops it, writes the in-process
benchmark's 10,000 papers and 100,000 notes into the database (SearchBenchmarkDatabase), starts
it again (the search index is rebuilt from the database at start), signs in and runs the same 16
queries through GET /api/search on one keep-alive connection: a warm-up, then each query
--rounds times in a row, as the in-process benchmark does. Prints p50/p95 per query and overall.
"""

import argparse
import http.client
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crash_test as ct  # noqa: E402  (its Browser, register and sign_in: the forms a browser uses)

MEMBER = "user7"
# The same list, in the same order, as SearchBenchmark.QUERIES.
QUERIES = ["reward tampering", "\"induction heads\"", "attention mechanism", "inducton heads", "scal",
           "model -language", "superposition feature neuron", "tag:method", "is:open reward", "by:user12 gradient",
           "group:3 training", "paper:scaling loss", "transformer is:question", "model", "is:open",
           "distillation teacher student compression"]
LOADED = "bench-loaded"


def log(msg):
    print(f"[bench-search-http {time.strftime('%H:%M:%S')}] {msg}", flush=True)


class App(ct.App):
    """The packaged jar with the README's environment variables, on our data directory and port."""

    def __init__(self, args):
        super().__init__(args)
        self.env.update({"QUARKUS_HTTP_PORT": str(args.port), "MARGINALIA_SEEDS_IMPORT_ON_FIRST_START": "false"})

    def start(self):
        self.starts += 1
        with open(self.args.log, "a") as logfile:
            logfile.write(f"\n===== start {self.starts} at {time.strftime('%H:%M:%S')}\n")
            logfile.flush()
            began = time.monotonic()
            cmd = ["java"] + self.args.java_opts.split() + ["-jar", self.args.jar]
            self.proc = subprocess.Popen(cmd, env=self.env, stdout=logfile, stderr=subprocess.STDOUT,
                                         cwd=self.args.data_dir)
        with open(self.args.pid_file, "w") as f:
            f.write(str(self.proc.pid))
        while time.monotonic() - began < 600:
            if self.proc.poll() is not None:
                raise SystemExit(f"the application stopped at start; see {self.args.log}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.args.port, timeout=5)
                c.request("GET", "/q/health/ready")
                r = c.getresponse()
                body = r.read()
                c.close()
                if r.status == 200:
                    return time.monotonic() - began, json.loads(body)
            except OSError:
                pass
            time.sleep(0.25)
        raise SystemExit(f"the application did not get ready; see {self.args.log}")


def percentile(sorted_values, p):
    return sorted_values[max(0, math.ceil(len(sorted_values) * p) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--loader-classpath", required=True, help="classpath of SearchBenchmarkDatabase and H2")
    parser.add_argument("--port", type=int, default=8201)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--data-dir", help="keep the loaded data here and reuse it on the next run")
    parser.add_argument("--java-opts", default="", help="JVM options for the application (e.g. profiling)")
    args = parser.parse_args()
    args.jar = os.path.abspath(args.jar)
    temporary = args.data_dir is None
    args.data_dir = os.path.abspath(args.data_dir or tempfile.mkdtemp(prefix="marginalia-bench-search-"))
    os.makedirs(args.data_dir, exist_ok=True)
    args.log = os.path.join(args.data_dir, "app.log")
    args.pid_file = os.path.join(args.data_dir, "app.pid")
    args.db = "h2"
    app = App(args)
    try:
        if not os.path.exists(os.path.join(args.data_dir, LOADED)):
            load(app, args)
        else:
            log(f"reusing the data loaded in {args.data_dir}")
        seconds, health = app.start()
        search = next((c.get("data", {}) for c in health.get("checks", []) if c.get("name") == "search"), {})
        log(f"ready in {seconds:.1f} s (search index: {search})")
        measure(app, args)
    finally:
        app.stop()
        if temporary:
            shutil.rmtree(args.data_dir, ignore_errors=True)


def load(app, args):
    log(f"first start on {args.data_dir}: migrations, then the searcher signs up")
    app.start()
    ct.register(app.base, MEMBER)
    app.stop()
    log("writing 10,000 papers and 100,000 notes into the database (application stopped)")
    url = f"jdbc:h2:{args.data_dir}/marginalia"
    loader = subprocess.run(["java", "-cp", args.loader_classpath,
                             "app.marginalia.persistence.search.SearchBenchmarkDatabase", url, "marginalia"])
    if loader.returncode != 0:
        raise SystemExit("loading the database failed (SearchBenchmarkDatabase, output above)")
    # The index built at the first start is of an empty database: this start rebuilds it.
    open(os.path.join(args.data_dir, LOADED), "w").close()
    log("second start: the search index is rebuilt from the database")


def measure(app, args):
    browser = ct.sign_in(app.base, MEMBER)
    cookie = "; ".join(f"{c.name}={c.value}" for c in browser.jar)
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    headers = {"Cookie": cookie, "Accept": "application/json"}

    def search(q):
        started = time.perf_counter_ns()
        conn.request("GET", "/api/search?q=" + urllib.parse.quote(q), headers=headers)
        r = conn.getresponse()
        body = r.read()
        elapsed = time.perf_counter_ns() - started
        if r.status != 200:
            raise SystemExit(f"search {q!r} answered {r.status}: {body[:300]!r}")
        return elapsed, body

    first = json.loads(search("model")[1])
    if not first["signedIn"] or first["paperTotal"] == 0 or first["noteTotal"] == 0:
        raise SystemExit(f"the index or the session is not as expected: {str(first)[:300]}")
    for _ in range(args.warmup):
        for q in QUERIES:
            search(q)
    timings, hits, sizes = {}, {}, {}
    for q in QUERIES:
        t = []
        for _ in range(args.rounds):
            elapsed, body = search(q)
            t.append(elapsed)
        answer = json.loads(body)
        hits[q] = answer["paperTotal"] + answer["noteTotal"]
        sizes[q] = len(body)
        timings[q] = sorted(t)
    conn.close()
    print(f"{'query':45s} {'p50 ms':>9s} {'p95 ms':>9s} {'hits':>9s} {'bytes':>8s}")
    everything = []
    for q, t in timings.items():
        everything += t
        print(f"{q:45s} {t[len(t) // 2] / 1e6:9.2f} {percentile(t, 0.95) / 1e6:9.2f} {hits[q]:9d} {sizes[q]:8d}")
    everything.sort()
    print(f"ALL {len(everything)} searches over HTTP: p50 {everything[len(everything) // 2] / 1e6:.2f} ms, "
          f"p95 {percentile(everything, 0.95) / 1e6:.2f} ms, max {everything[-1] / 1e6:.2f} ms")


if __name__ == "__main__":
    main()
