#!/usr/bin/env python3
"""The reader at 1,000 notes: driver for scripts/bench-reader.sh (standard library only).

Builds the scene of issue 14 through the same forms and JSON calls a browser uses: 20 members in one
group, a 100,000-character paper on its reading list, 1,000 notes and 300 replies from the members
(plus some reactions, answers and resolved threads). Then, in one run, it measures with wrk:
- nginx serving the same response bytes (the body as saved, `gzip_static` on its gzip), the reference;
- the reader's page for one member, a full response each time (no If-None-Match), 1 and 16 connections;
- the warm repeat view: the same with the page's ETag in If-None-Match (a 304 when nothing changed);
- after changes: 16 connections while another member writes a note every second, so the page changes
  under the readers (each change is a cache miss for the page);
- a miss at one connection: a write, then the page, 30 times (every view renders);
and the server's resident memory (VmRSS) sampled every 0.5 s through the whole run.
"""

import argparse
import gzip
import html.parser
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crash_test import Browser, expect, path_of, register  # noqa: E402

MEMBERS = 20
NOTES = 1000
REPLIES = 300
REACTIONS = 200
WORDS = ("model models training data attention layer layers head heads circuit circuits feature features "
         "gradient loss reward policy agent agents evaluation benchmark scaling law laws token tokens "
         "representation representations probe probes linear sparse dictionary activation activations "
         "interpretability alignment robustness generalisation transformer residual stream embedding "
         "we show that this the of and in to a is for on with as by our results suggest method methods "
         "experiment experiments baseline baselines significant effect effects across tasks task prior work "
         "however although because therefore which where when while").split()
NOTE_WORDS = ("I think this claim needs the ablation. Is this the same setup as section two? The effect size "
              "looks small here. Nice result, but what about the baseline? This contradicts the earlier "
              "figure. Could we reproduce it with our data? Good point for the meeting. Why this dataset? "
              "The method assumes independence, which seems strong. Key claim of the paper.").split()


def log(msg):
    print(f"[bench-reader {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def paper_text(rng, length):
    """A paper of about `length` characters: numbered sections of paragraphs of plain words."""
    parts, size, section = [], 0, 1
    while size < length:
        if size == 0 or rng.random() < 0.08:
            heading = f"{section} {' '.join(rng.choice(WORDS) for _ in range(3)).capitalize()}"
            parts.append(heading)
            size += len(heading) + 2
            section += 1
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:length]


def note_body(rng):
    words = " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randint(4, 25)))
    if rng.random() < 0.1:
        words = "**Key point.** " + words
    return words


# ---------------------------------------------------------------- the application and its memory

class Server:
    def __init__(self, args):
        self.args = args
        self.base = f"http://127.0.0.1:{args.port}"
        self.proc = None
        self.rss_max_kb = 0
        self.rss_samples = []
        self._stop = threading.Event()

    def start(self):
        env = dict(os.environ)
        env.update({"MARGINALIA_DATA_DIR": self.args.data_dir, "QUARKUS_HTTP_PORT": str(self.args.port),
                    # the scene writes 1,000 notes quickly from 20 accounts on one address
                    "MARGINALIA_RATE_LIMITS_WRITES_PER_ACCOUNT": "1000000",
                    "MARGINALIA_RATE_LIMITS_REGISTRATIONS_PER_ADDRESS": "1000000",
                    "MARGINALIA_RATE_LIMITS_LOGINS_PER_ADDRESS": "1000000"})
        command = self.args.start.split()
        log(f"starting: {' '.join(command)} (data in {self.args.data_dir})")
        began = time.monotonic()
        self.logfile = open(os.path.join(self.args.work, "app.log"), "w")
        self.proc = subprocess.Popen(command, env=env, stdout=self.logfile, stderr=subprocess.STDOUT,
                                     cwd=self.args.data_dir)
        threading.Thread(target=self._sample, daemon=True).start()
        while time.monotonic() - began < 120:
            if self.proc.poll() is not None:
                raise SystemExit(f"the application exited; see {self.logfile.name}")
            try:
                with urllib.request.urlopen(self.base + "/q/health/ready", timeout=5) as r:
                    if r.status == 200:
                        return time.monotonic() - began
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("the application did not become ready within 120 s")

    def _java_pid(self):
        """The JVM's pid: the process itself, or its child when a launcher script did not exec."""
        pid = self.proc.pid
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == "java":
                    return pid
            children = open(f"/proc/{pid}/task/{pid}/children").read().split()
            return int(children[0]) if children else pid
        except OSError:
            return pid

    def rss_kb(self):
        try:
            with open(f"/proc/{self._java_pid()}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return 0
        return 0

    def cpu_ms(self):
        """CPU time the server has used (user + system), in ms: what a request costs, whatever else runs."""
        try:
            with open(f"/proc/{self._java_pid()}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
        except OSError:
            return 0

    def _sample(self):
        while not self._stop.is_set() and self.proc and self.proc.poll() is None:
            kb = self.rss_kb()
            self.rss_max_kb = max(self.rss_max_kb, kb)
            self.rss_samples.append(kb)
            time.sleep(0.5)

    def stop(self):
        self._stop.set()
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# ---------------------------------------------------------------- the scene

def parallel(items, work, threads=6):
    items = list(items)
    lock = threading.Lock()
    results = [None] * len(items)
    errors = []

    def run():
        while True:
            with lock:
                if not items_left:
                    return
                i = items_left.pop()
            try:
                results[i] = work(items[i])
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

    items_left = list(range(len(items)))
    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        raise SystemExit(f"scene setup failed: {errors[0]}")
    return results


def build_scene(base, rng, length):
    owner = register(base, "benchowner")
    members = [owner] + parallel(range(1, MEMBERS), lambda i: register(base, f"benchmember{i:02d}"), threads=4)
    owner.get("/papers/new")
    text = paper_text(rng, length)
    added = expect(owner.post("/papers", title="A long paper the whole group annotates",
                              authors="Ada Lovelace, Alan Turing", abstractText="An abstract of the long paper.",
                              fullText=text, date="2026-11-01", link=""), 303, "adding the paper")
    paper = int(path_of(added.headers["Location"]).split("/")[2].split("?")[0])
    owner.get("/groups/new")
    loc = expect(owner.post("/groups", name="Benchmark club", description="A busy reading group.",
                            timeZone="UTC"), 303, "creating the group").headers["Location"]
    group = int(path_of(loc).split("/")[2])
    owner.get(f"/groups/{group}")
    expect(owner.post(f"/groups/{group}/list", paperId=str(paper)), 303, "adding the paper to the list")
    invite = expect(owner.post(f"/groups/{group}/invitations", days="7"), 303, "creating an invitation")
    owner.get(path_of(invite.headers["Location"]))
    token = owner.page.inputs["new-link"].rsplit("/invite/", 1)[1]

    def join(b):
        b.get(f"/invite/{token}")
        expect(b.post(f"/invite/{token}"), 303, "joining the group")
        b.get(f"/papers/{paper}?group={group}")
    parallel(members[1:], join, threads=4)

    content = owner.json("GET", f"/api/papers/{paper}").json()["text"]["content"]
    n = len(content)

    def note(i):
        b = members[i % MEMBERS]
        r = random.Random(i)
        size = r.randint(20, 200)
        start = r.randint(0, n - size - 1)
        end = start + size
        kind = r.random()
        motivation = "HIGHLIGHTING" if kind < 0.1 else "QUESTIONING" if kind < 0.3 else "COMMENTING"
        body = "" if motivation == "HIGHLIGHTING" else note_body(r)
        tags = ["method"] if r.random() < 0.1 else []
        a = b.json("POST", f"/api/papers/{paper}/annotations",
                   {"groupId": group, "motivation": motivation, "start": start, "end": end,
                    "exact": content[start:end], "prefix": content[max(0, start - 32):start],
                    "suffix": content[end:end + 32], "body": body, "tags": tags})
        expect(a, 201, "a note")
        return a.json()["id"], motivation
    log(f"paper {paper} ({n} characters) in group {group} with {MEMBERS} members; writing {NOTES} notes")
    notes = parallel(range(NOTES), note)

    def reply(i):
        r = random.Random(10_000 + i)
        target, _ = notes[r.randrange(len(notes))]
        b = members[r.randrange(MEMBERS)]
        a = b.json("POST", f"/api/annotations/{target}/replies", {"body": note_body(r), "tags": []})
        expect(a, 201, "a reply")
        return a.json()["id"], target
    log(f"writing {REPLIES} replies")
    replies = parallel(range(REPLIES), reply)

    def react(i):
        r = random.Random(20_000 + i)
        target, _ = notes[r.randrange(len(notes))]
        b = members[i % MEMBERS]
        b.json("POST", f"/api/annotations/{target}/reactions", {"kind": r.choice(["AGREE", "INSIGHTFUL"]), "given": True})
    parallel(range(REACTIONS), react)
    for reply_id, target in replies[:30]:
        if dict(notes).get(target) == "QUESTIONING":
            owner.json("POST", f"/api/annotations/{target}/answer", {"replyId": reply_id})
    for note_id, motivation in notes[:40:2]:
        if motivation != "HIGHLIGHTING":
            owner.json("POST", f"/api/annotations/{note_id}/resolve", {"resolved": True})
    return members, paper, group, content


# ---------------------------------------------------------------- measuring

def fetch(base, path, cookie, extra=None):
    headers = {"Cookie": cookie, "Accept": "text/html", "Accept-Encoding": "gzip"}
    headers.update(extra or {})
    req = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class FormCounter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = 0

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.forms += 1


def wrk(url, connections, seconds, headers):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", url]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50": pct(50), "p99": pct(99), "errors": int(non2xx.group(1)) if non2xx else 0}


def start_nginx(work, port, body, gz):
    root = os.path.join(work, "nginx-root")
    os.makedirs(root, exist_ok=True)
    for d in (work, root):  # nginx's workers run as another user
        os.chmod(d, 0o755)
    with open(os.path.join(root, "page.html"), "wb") as f:
        f.write(body)
    with open(os.path.join(root, "page.html.gz"), "wb") as f:
        f.write(gz)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-tmp;
    types {{ text/html html; }}
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        gzip_static on;
        gzip_vary on;
        location / {{ add_header Cache-Control "private, no-cache"; }}
    }}
}}
""")
    subprocess.run(["nginx", "-c", conf, "-p", work], check=True)
    time.sleep(0.5)
    check = urllib.request.Request(f"http://127.0.0.1:{port}/page.html", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(check, timeout=10) as r:
        if r.headers.get("Content-Encoding") != "gzip" or r.read() != gz:
            raise SystemExit("nginx does not serve the saved gzip body")
    return conf


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--start", required=True, help="the command that starts the application")
    p.add_argument("--port", type=int, default=8300)
    p.add_argument("--nginx-port", type=int, default=8301)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--length", type=int, default=100_000)
    p.add_argument("--work", required=True)
    p.add_argument("--only-misses", type=int, default=0, help="only render the page this many times (profiling)")
    p.add_argument("--save-page", help="where to save the reader page's HTML, to look at")
    args = p.parse_args()
    args.data_dir = os.path.join(args.work, "data")
    os.makedirs(args.data_dir, exist_ok=True)
    rng = random.Random(14)

    server = Server(args)
    ready = server.start()
    log(f"first start with the seed import: ready in {ready:.1f} s")
    idle_start = server.rss_kb()
    try:
        scene_began = time.monotonic()
        members, paper, group, content = build_scene(server.base, rng, args.length)
        log(f"scene built in {time.monotonic() - scene_began:.0f} s")
        reader = members[1]
        cookie = "; ".join(f"{c.name}={c.value}" for c in reader.jar)
        path = f"/papers/{paper}?group={group}"
        url = server.base + path
        status, headers, wire = fetch(server.base, path, cookie)
        if status != 200:
            raise SystemExit(f"the reader answered {status}")
        encoding = headers.get("Content-Encoding", "identity")
        body = gzip.decompress(wire) if encoding == "gzip" else wire
        if args.save_page:
            with open(args.save_page, "wb") as f:
                f.write(body)
        counter = FormCounter()
        counter.feed(body.decode("utf-8"))
        etag = headers.get("ETag")
        gz = wire if encoding == "gzip" else gzip.compress(body, 6)
        log(f"reader page: {len(body):,} bytes, {len(wire):,} on the wire ({encoding}), {counter.forms} forms, "
            f"ETag {etag or 'none'}, Cache-Control {headers.get('Cache-Control', 'none')}")
        revalidated = fetch(server.base, path, cookie, {"If-None-Match": etag})[0] if etag else None
        log(f"the same page with If-None-Match: {revalidated}")
        idle = server.rss_kb()

        results = {}
        if args.only_misses:
            misses = []
            cpu = server.cpu_ms()
            for i in range(args.only_misses):
                d = reader.json("POST", f"/api/papers/{paper}/seen", {"groupId": group, "at": int(time.time() * 1000)})
                began = time.monotonic()
                fetch(server.base, path, cookie)
                misses.append((time.monotonic() - began) * 1000)
            print(f"{args.only_misses} misses: p50 {statistics.median(misses):.1f} ms, max {max(misses):.1f} ms, "
                  f"server CPU {(server.cpu_ms() - cpu) / args.only_misses:.1f} ms per miss (with its seen post)")
            return
        conf = start_nginx(args.work, args.nginx_port, body, gz)
        try:
            gzip_header = {"Accept-Encoding": "gzip"}
            for c in (1, 16):
                results[f"nginx c{c}"] = wrk(f"http://127.0.0.1:{args.nginx_port}/page.html", c, args.seconds, gzip_header)
                results[f"reader c{c}"] = wrk(url, c, args.seconds, {**gzip_header, "Cookie": cookie, "Accept": "text/html"})
                if etag and revalidated == 304:
                    results[f"reader 304 c{c}"] = wrk(url, c, args.seconds,
                                                       {**gzip_header, "Cookie": cookie, "If-None-Match": etag})
        finally:
            subprocess.run(["nginx", "-c", conf, "-p", args.work, "-s", "stop"], check=False)

        # After changes: 16 readers while another member writes a note every second.
        writer = members[2]
        stop = threading.Event()
        written = []

        def write_loop():
            i = 0
            while not stop.is_set():
                start = (i * 997) % (len(content) - 100)
                a = writer.json("POST", f"/api/papers/{paper}/annotations",
                                {"groupId": group, "motivation": "COMMENTING", "start": start, "end": start + 40,
                                 "exact": content[start:start + 40], "prefix": content[max(0, start - 32):start],
                                 "suffix": content[start + 40:start + 72], "body": f"change {i}", "tags": []})
                written.append(a.status)
                i += 1
                stop.wait(1.0)
        t = threading.Thread(target=write_loop)
        t.start()
        results["reader c16, a note every second"] = wrk(url, 16, args.seconds,
                                                         {"Accept-Encoding": "gzip", "Cookie": cookie, "Accept": "text/html"})
        stop.set()
        t.join()

        # A miss at one connection: a change, then the page.
        misses = []
        cpu = server.cpu_ms()
        for i in range(30):
            start = (i * 1999) % (len(content) - 100)
            writer.json("POST", f"/api/papers/{paper}/annotations",
                        {"groupId": group, "motivation": "COMMENTING", "start": start, "end": start + 30,
                         "exact": content[start:start + 30], "prefix": content[max(0, start - 32):start],
                         "suffix": content[start + 30:start + 62], "body": f"miss {i}", "tags": []})
            began = time.monotonic()
            fetch(server.base, path, cookie)
            misses.append((time.monotonic() - began) * 1000)
        miss_cpu = (server.cpu_ms() - cpu) / 30

        print()
        print(f"reader page for 1,000 notes and 300 replies: {len(body):,} bytes, {len(wire):,} bytes on the wire "
              f"({encoding}), {counter.forms} forms; nginx serves the same body from {len(gz):,} gzip bytes")
        print(f"{'run':<36} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'non-2xx/3xx':>12}")
        for name, r in results.items():
            print(f"{name:<36} {r['rps']:>10.1f} {r['p50']:>9.2f} {r['p99']:>9.2f} {r['errors']:>12}")
        for c in (1, 16):
            n = results[f"nginx c{c}"]["rps"]
            full = results[f"reader c{c}"]["rps"]
            line = f"ratio to nginx at {c} connection{'s' if c > 1 else ''}: full page {full / n:.3f}"
            if f"reader 304 c{c}" in results:
                line += f", warm repeat view (304) {results[f'reader 304 c{c}']['rps'] / n:.3f}"
            print(line)
        print(f"a miss at one connection (a note written, then the page), 30 times: "
              f"p50 {statistics.median(misses):.1f} ms, max {max(misses):.1f} ms; server CPU {miss_cpu:.1f} ms per "
              f"write and page")
        print(f"notes written during the c16 run: {len(written)} (statuses {sorted(set(written))})")
        print(f"resident memory: {idle_start / 1024:.0f} MB after start, {idle / 1024:.0f} MB after the scene, "
              f"max {server.rss_max_kb / 1024:.0f} MB through the run")
        print(f"first start with the seed import to ready: {ready:.1f} s")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
