#!/usr/bin/env python3
"""Crash test driver for scripts/crash-test.sh (standard library only).

Starts the packaged application, signs up accounts and a group through the same forms and JSON
calls a browser uses (session cookie, CSRF token, same-site Origin), then per round: many
concurrent writers create notes and edit their own notes, the process is killed with SIGKILL
at a random moment, the application is started again, and every write that had been answered
2xx is looked up. A note that is missing, or shows an older version than the one acknowledged,
is a lost write. Ids of notes created after the restart must be above every acknowledged id.
Every acknowledged note must also be found by search after the restart, by the word unique to
its stored text, and the restart must not have rebuilt the search index (it catches up from the
event outbox).
"""

import argparse
import html.parser
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

HEALTH_TIMEOUT_S = 90
REQUEST_TIMEOUT_S = 60
SETUP_THREADS = 8  # sign-ups hash passwords: a few at a time
PDF_UPLOADERS = 2  # members adding papers from a PDF during each round (extraction is CPU-heavy)
PDF_WAIT_S = 30   # how long a round may run on past its time until a paper from a PDF is acknowledged
PASSWORD = "crash test password 1"


def log(msg):
    print(f"[crash-test {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------- HTTP as a browser does it

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a 303 comes back as an answer, like REST Assured's redirects().follow(false)


class _CsrfMeta(html.parser.HTMLParser):
    """Reads <meta name="csrf-token" content="..."> and input/option values by id from a page."""

    def __init__(self):
        super().__init__()
        self.csrf = None
        self.inputs = {}
        self.named = {}
        self.options = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "csrf-token":
            self.csrf = a.get("content")
        elif tag == "input":
            if a.get("id"):
                self.inputs[a["id"]] = a.get("value")
            if a.get("name"):
                self.named[a["name"]] = a.get("value")
        elif tag == "select":
            self._select = a.get("id")
        elif tag == "option" and self._select and a.get("value"):
            self.options.setdefault(self._select, []).append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


class Browser:
    """One person's browser: cookies, the CSRF token of the last page, same-site Origin."""

    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.csrf = None
        self.page = None

    def _send(self, method, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=REQUEST_TIMEOUT_S) as r:
                return Answer(r.status, r.headers, r.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as e:
            return Answer(e.code, e.headers, e.read().decode("utf-8", "replace"))

    def get(self, path):
        answer = self._send("GET", path, headers={"Accept": "text/html"})
        page = _CsrfMeta()
        page.feed(answer.body)
        if page.csrf:
            self.csrf = page.csrf
        self.page = page
        return answer

    def post(self, path, **fields):
        fields["_csrf"] = self.csrf or ""
        data = urllib.parse.urlencode(fields).encode()
        return self._send("POST", path, data, {"Origin": self.base,
                                               "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})

    def upload(self, path, field, file_name, content, **fields):
        """A multipart form post with one file, as a browser sends a file input."""
        boundary = "----crashtest" + os.urandom(8).hex()
        fields["_csrf"] = self.csrf or ""
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{file_name}"\r\n'
                     f'Content-Type: application/pdf\r\n\r\n'.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self._send("POST", path, b"".join(parts), {"Origin": self.base,
                                                           "Content-Type": f"multipart/form-data; boundary={boundary}"})

    def json(self, method, path, body=None):
        headers = {"Origin": self.base, "X-CSRF-Token": self.csrf or "", "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        return self._send(method, path, data, headers)


def path_of(location):
    """The path and query of a Location header, whatever host it names."""
    u = urllib.parse.urlparse(location)
    return u.path + ("?" + u.query if u.query else "")


def expect(answer, status, what):
    if answer.status != status:
        raise SystemExit(f"crash test setup failed: {what} answered {answer.status}, expected {status}\n{answer.body[:500]}")
    return answer


def register(base, username):
    b = Browser(base)
    b.get("/register")
    expect(b.post("/register", displayName=username.title(), username=username,
                  email=f"{username}@example.org", password=PASSWORD), 303, f"registering {username}")
    b.username = username
    b.get("/groups")
    return b


def sign_in(base, username):
    b = Browser(base)
    b.get("/login")
    expect(b.post("/login", username=username, password=PASSWORD), 303, f"signing in {username}")
    b.username = username
    b.get("/papers")
    return b


# ---------------------------------------------------------------- the application process

class App:
    def __init__(self, args):
        self.args = args
        self.proc = None
        self.base = f"http://127.0.0.1:{args.port}"
        self.env = dict(os.environ)
        self.env.update({
            "MARGINALIA_DATA_DIR": args.data_dir,
            "MARGINALIA_RATE_LIMITS_WRITES_PER_ACCOUNT": "1000000",
            "MARGINALIA_RATE_LIMITS_REGISTRATIONS_PER_ADDRESS": "1000000",
            "MARGINALIA_RATE_LIMITS_LOGINS_PER_ADDRESS": "1000000",
            "MARGINALIA_RATE_LIMITS_LOGINS_PER_ACCOUNT": "1000000",
        })
        if args.db == "postgresql":
            self.env.update({"QUARKUS_DATASOURCE_JDBC_URL": args.pg_url, "QUARKUS_DATASOURCE_USERNAME": args.pg_user})
        self.starts = 0

    def start(self):
        """Starts the jar and waits until it is ready; returns seconds to ready or None."""
        self.starts += 1
        logfile = open(self.args.log, "a")
        logfile.write(f"\n===== start {self.starts} at {time.strftime('%H:%M:%S')}\n")
        logfile.flush()
        began = time.monotonic()
        self.proc = subprocess.Popen(["java", f"-Dquarkus.http.port={self.args.port}", "-Dquarkus.http.host=127.0.0.1",
                                      "-jar", self.args.jar], env=self.env, stdout=logfile, stderr=subprocess.STDOUT,
                                     cwd=self.args.data_dir)
        logfile.close()
        with open(self.args.pid_file, "w") as f:
            f.write(str(self.proc.pid))
        while time.monotonic() - began < HEALTH_TIMEOUT_S:
            if self.proc.poll() is not None:
                return None
            try:
                with urllib.request.urlopen(self.base + "/q/health/ready", timeout=5) as r:
                    if r.status == 200:
                        return time.monotonic() - began
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        return None

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


# ---------------------------------------------------------------- the writers

class Ledger:
    """Every write the application acknowledged, and every edit text sent (acknowledged or not)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.notes = {}       # id -> {"writer", "version", "body"}: the last acknowledged state
        self.sent = {}        # id -> set of bodies ever sent for it (an unacknowledged edit may have landed)
        self.acked_creates = 0
        self.acked_edits = 0
        self.reused_ids = set()  # an id acknowledged twice for two different notes

    def created(self, writer, note):
        with self.lock:
            if note["id"] in self.notes:
                self.reused_ids.add(note["id"])
            self.notes[note["id"]] = {"writer": writer, "version": note["version"], "body": note["body"]}
            self.sent.setdefault(note["id"], set()).add(note["body"])
            self.acked_creates += 1

    def sending(self, note_id, body):
        with self.lock:
            self.sent.setdefault(note_id, set()).add(body)

    def edited(self, note):
        with self.lock:
            self.notes[note["id"]].update(version=note["version"], body=note["body"])
            self.acked_edits += 1

    def max_id(self):
        with self.lock:
            return max(self.notes) if self.notes else 0


def writer_loop(n, browser, paper, group, ledger, stop, round_no, rng):
    mine = []  # (id, version) of this writer's notes, by the last acknowledged version
    path = f"/api/papers/{paper}/annotations"
    seq = 0
    while not stop.is_set():
        seq += 1
        try:
            if mine and rng.random() < 0.4:
                i = rng.randrange(len(mine))
                note_id, version = mine[i]
                body = f"writer {n} round {round_no} edit {seq} of note {note_id} w{n}r{round_no}e{seq}"
                ledger.sending(note_id, body)
                a = browser.json("PUT", f"/api/annotations/{note_id}", {"body": body, "tags": [], "version": version})
                if a.status == 200:
                    note = a.json()
                    ledger.edited(note)
                    mine[i] = (note_id, note["version"])
            else:
                body = f"writer {n} round {round_no} note {seq} w{n}r{round_no}n{seq}"
                a = browser.json("POST", path, {"groupId": group, "motivation": "COMMENTING", "body": body, "tags": []})
                if a.status == 201:
                    note = a.json()
                    ledger.created(n, note)
                    mine.append((note["id"], note["version"]))
            if a.status in (401, 403) and not stop.is_set():
                # A session the restarted application no longer accepts: sign in again, as a person would.
                fresh = sign_in(browser.base, browser.username)
                browser.jar, browser.opener, browser.csrf = fresh.jar, fresh.opener, fresh.csrf
            elif a.status >= 400 and not stop.is_set():
                log(f"writer {n}: {a.status} {a.body[:200]}")
                time.sleep(0.2)
        except (urllib.error.URLError, OSError, ConnectionError):
            # The process was killed: whatever was in flight is not acknowledged.
            if stop.is_set():
                return
            time.sleep(0.05)


def pdf_loop(browser, pdf, acked, lock, stop, round_no):
    """Adds papers from a PDF (upload, then confirm), as a member does; records each acknowledged paper."""
    seq = 0
    while not stop.is_set():
        seq += 1
        try:
            browser.get("/papers/new/pdf")
            a = browser.upload("/papers/new/pdf", "file", "crash.pdf", pdf)
            if a.status != 200:
                if not stop.is_set():
                    log(f"pdf uploader: upload answered {a.status} {a.body[:200]}")
                    time.sleep(0.2)
                continue
            form = _CsrfMeta()
            form.feed(a.body)
            title = f"Crash PDF {round_no}-{seq}-{os.urandom(3).hex()}"
            c = browser.post("/papers/new/pdf/confirm", token=form.named.get("token", ""), title=title,
                             authors="Ada Lovelace", date="", link="", confirmDuplicate="true")
            if c.status == 303:
                paper_id = int(path_of(c.headers["Location"]).split("/")[2])
                with lock:
                    acked.append(paper_id)
            elif not stop.is_set():
                log(f"pdf uploader: confirm answered {c.status} {c.body[:200]}")
                time.sleep(0.2)
        except (urllib.error.URLError, OSError, ConnectionError):
            if stop.is_set():
                return
            time.sleep(0.05)


def verify_pdfs(owner, acked):
    """Acknowledged PDF papers that are missing, lack their file, or whose PDF cannot be served."""
    lost = []
    for paper_id in acked:
        a = owner.json("GET", f"/api/papers/{paper_id}")
        if a.status != 200 or a.json()["text"].get("fileId") is None:
            lost.append(paper_id)
            continue
        pdf = owner._send("GET", f"/papers/{paper_id}/pdf")
        if pdf.status != 200 or not pdf.body.startswith("%PDF-"):
            lost.append(paper_id)
    return lost


# ---------------------------------------------------------------- verification

def verify(app, owner_name, paper, group, ledger):
    """Counts acknowledged notes that are missing and acknowledged edits that are not there."""
    owner = sign_in(app.base, owner_name)
    a = owner.json("GET", f"/api/papers/{paper}/annotations?group={group}")
    if a.status != 200:
        raise SystemExit(f"crash test: listing notes after restart answered {a.status}: {a.body[:300]}")
    stored = {n["id"]: n for n in a.json()}
    ledger.stored = stored
    lost_notes, lost_edits = [], []
    for note_id, acked in ledger.notes.items():
        found = stored.get(note_id)
        if found is None:
            # Not in the list: ask for it directly, so a listing rule cannot hide a present note.
            direct = owner.json("GET", f"/api/annotations/{note_id}")
            found = direct.json() if direct.status == 200 else None
            if found is not None:
                stored[note_id] = found
        if found is None or found.get("deleted") or found["body"] not in ledger.sent[note_id]:
            # Missing, or the id now holds a text never sent for it: another note took its id.
            lost_notes.append(note_id)
        elif found["version"] < acked["version"]:
            lost_edits.append(note_id)
        elif found["version"] == acked["version"] and found["body"] != acked["body"]:
            lost_edits.append(note_id)
    return owner, lost_notes, lost_edits


def verify_search(owner, stored, ledger):
    """Acknowledged notes that search does not find by the words only their stored text has.

    Every note's text ends in a word unique to that note and that version (w3r1n17, w3r1e20): a
    search for it must list the note. The stored text is the database's after the restart, so
    this checks that the index agrees with the database for every acknowledged note."""
    ids = sorted(ledger.notes)
    missing, lock = [], threading.Lock()

    def check(chunk):
        for note_id in chunk:
            body = stored.get(note_id, {}).get("body")
            if not body:
                continue  # already counted as a lost note
            words = body.rsplit(" ", 1)[-1]
            a = owner.json("GET", "/api/search?q=" + urllib.parse.quote(words))
            if a.status != 200 or not any(n["id"] == note_id for n in a.json()["notes"]):
                with lock:
                    missing.append(note_id)

    threads = [threading.Thread(target=check, args=(ids[i::4],)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return sorted(missing)


def rebuilds(log_path):
    """How many times the application logged a rebuild of its search index."""
    with open(log_path, encoding="utf-8", errors="replace") as f:
        return f.read().count("Search index rebuilt")


def check_new_ids(owner, paper, group, ledger, round_no):
    """A note created after the restart must get an id above every acknowledged id."""
    highest = ledger.max_id()
    a = owner.json("POST", f"/api/papers/{paper}/annotations",
                   {"groupId": group, "motivation": "COMMENTING", "body": f"after restart {round_no}", "tags": []})
    if a.status != 201:
        raise SystemExit(f"crash test: a note after restart answered {a.status}: {a.body[:300]}")
    new_id = a.json()["id"]
    return new_id, new_id > highest, highest


# ---------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--db", choices=["h2", "postgresql"], default="h2")
    p.add_argument("--jar", required=True)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--port", type=int, default=18100)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--writers", type=int, default=50)
    p.add_argument("--min-run", type=float, default=3.0)
    p.add_argument("--max-run", type=float, default=8.0)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--pg-url", default="")
    p.add_argument("--pg-user", default="postgres")
    p.add_argument("--log", required=True)
    p.add_argument("--pdf", required=True, help="a PDF that uploaders add as papers during the run")
    p.add_argument("--pid-file", required=True)
    args = p.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    log(f"db={args.db} writers={args.writers} rounds={args.rounds} seed={seed} jar={args.jar} log={args.log}")
    app = App(args)
    failed_restarts, restart_times = 0, []
    try:
        t = app.start()
        if t is None:
            raise SystemExit(f"crash test: the application did not start (see {args.log})")
        log(f"first start ready in {t:.1f} s")

        suffix = f"{os.getpid() % 100000}{rng.randrange(1000)}"
        owner_name = f"owner{suffix}"
        owner = register(app.base, owner_name)
        loc = expect(owner.post("/groups", name=f"Crash test {suffix}", description="Writers under kill -9.",
                                timeZone="UTC"), 303, "creating the group").headers["Location"]
        group = int(path_of(loc).split("/")[2])
        owner.get(f"/groups/{group}")
        paper = int(owner.page.options["paperId"][0])
        expect(owner.post(f"/groups/{group}/list", paperId=str(paper)), 303, "adding the paper to the list")
        invite = expect(owner.post(f"/groups/{group}/invitations", days="7"), 303, "creating an invitation")
        owner.get(path_of(invite.headers["Location"]))
        token = owner.page.inputs["new-link"].rsplit("/invite/", 1)[1]

        writers = [None] * args.writers

        def join(i):
            b = register(app.base, f"w{i}x{suffix}")
            b.get(f"/invite/{token}")
            expect(b.post(f"/invite/{token}"), 303, "joining the group")
            b.get(f"/papers/{paper}?group={group}")
            writers[i] = b

        pending = list(range(args.writers))
        pending_lock = threading.Lock()

        def joiner():
            while True:
                with pending_lock:
                    if not pending:
                        return
                    i = pending.pop()
                join(i)

        threads = [threading.Thread(target=joiner) for _ in range(SETUP_THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        if any(w is None for w in writers):
            raise SystemExit("crash test setup failed: not every writer could join (see above)")
        log(f"group {group} with {args.writers} writers on paper {paper}")

        ledger = Ledger()
        lost_notes_total, lost_edits_total, reused = set(), set(), 0
        unsearchable_total, rebuilds_total = set(), 0
        pdf = open(args.pdf, "rb").read()
        uploaders = [sign_in(app.base, f"w{i}x{suffix}") for i in range(min(PDF_UPLOADERS, args.writers))]
        pdf_acked, pdf_lock, lost_pdfs_total = [], threading.Lock(), set()
        for round_no in range(1, args.rounds + 1):
            stop = threading.Event()
            threads = [threading.Thread(target=writer_loop, args=(i, writers[i], paper, group, ledger, stop, round_no,
                                                                  random.Random(rng.random())))
                       for i in range(args.writers)]
            threads += [threading.Thread(target=pdf_loop, args=(u, pdf, pdf_acked, pdf_lock, stop, round_no))
                        for u in uploaders]
            before = (ledger.acked_creates, ledger.acked_edits)
            pdfs_before = len(pdf_acked)
            for th in threads:
                th.start()
            run_for = rng.uniform(args.min_run, args.max_run)
            time.sleep(run_for)
            # A PDF upload is slow under 50 writers on two cores: run on until one has been acknowledged,
            # so every round kills the application with that write path exercised too.
            waited = 0.0
            while len(pdf_acked) == pdfs_before and waited < PDF_WAIT_S:
                time.sleep(0.1)
                waited += 0.1
            run_for += waited
            app.kill()
            stop.set()
            for th in threads:
                th.join()
            log(f"round {round_no}: killed after {run_for:.1f} s; acknowledged {ledger.acked_creates - before[0]} notes, "
                f"{ledger.acked_edits - before[1]} edits, {len(pdf_acked) - pdfs_before} papers from a PDF")

            rebuilds_before = rebuilds(args.log)
            t = app.start()
            if t is None:
                failed_restarts += 1
                log(f"round {round_no}: restart FAILED (no ready answer within {HEALTH_TIMEOUT_S} s); trying once more")
                app.kill()
                t = app.start()
                if t is None:
                    raise SystemExit(f"crash test: the application does not start again (see {args.log})")
            restart_times.append(t)
            log(f"round {round_no}: restarted, ready in {t:.1f} s")

            if ledger.acked_creates == before[0]:
                raise SystemExit(f"crash test: round {round_no} acknowledged no notes at all; nothing was tested")
            if len(pdf_acked) == pdfs_before:
                raise SystemExit(f"crash test: round {round_no} acknowledged no paper from a PDF in {run_for:.1f} s")
            owner, lost_notes, lost_edits = verify(app, owner_name, paper, group, ledger)
            lost_notes = set(lost_notes) - lost_notes_total  # count each lost write once, in its round
            lost_edits = set(lost_edits) - lost_edits_total - lost_notes_total
            lost_notes_total.update(lost_notes)
            lost_edits_total.update(lost_edits)
            lost_pdfs = set(verify_pdfs(owner, pdf_acked)) - lost_pdfs_total
            lost_pdfs_total.update(lost_pdfs)
            if lost_pdfs:
                log(f"round {round_no}: lost papers from a PDF {sorted(lost_pdfs)[:20]}")
            unsearchable = set(verify_search(owner, ledger.stored, ledger)) - unsearchable_total - lost_notes_total
            unsearchable_total.update(unsearchable)
            rebuilt = rebuilds(args.log) - rebuilds_before
            rebuilds_total += rebuilt
            log(f"round {round_no}: {len(unsearchable)} acknowledged notes not found by search"
                f"{' ' + str(sorted(unsearchable)[:20]) if unsearchable else ''}; search index rebuilt {rebuilt} times")
            new_id, above, highest = check_new_ids(owner, paper, group, ledger, round_no)
            if not above:
                reused += 1
            reused += len(ledger.reused_ids)
            ledger.reused_ids.clear()
            log(f"round {round_no}: {len(lost_notes)} lost notes, {len(lost_edits)} lost edits; "
                f"new note id {new_id} {'>' if above else '<='} highest acknowledged id {highest}")
            if lost_notes or lost_edits:
                log(f"round {round_no}: lost notes {sorted(lost_notes)[:20]}, lost edits {sorted(lost_edits)[:20]}")
    finally:
        app.stop()

    p50 = statistics.median(restart_times) if restart_times else float("nan")
    worst = max(restart_times) if restart_times else float("nan")
    print(f"crash test ({args.db}): {args.rounds} rounds, {args.writers} writers, {ledger.acked_creates} notes and "
          f"{ledger.acked_edits} edits and {len(pdf_acked)} papers from a PDF acknowledged, {len(lost_notes_total)} lost notes, "
          f"{len(lost_edits_total)} lost edits, {len(lost_pdfs_total)} lost PDF papers, "
          f"{len(unsearchable_total)} notes missing from search, {rebuilds_total} index rebuilds on restart, "
          f"{reused} reused ids, {failed_restarts} failed restarts, restart p50/max {p50:.1f}/{worst:.1f} s", flush=True)
    return 1 if (lost_notes_total or lost_edits_total or lost_pdfs_total or reused or failed_restarts
                 or unsearchable_total or rebuilds_total) else 0


if __name__ == "__main__":
    sys.exit(main())
