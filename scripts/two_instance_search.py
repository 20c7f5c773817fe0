#!/usr/bin/env python3
"""Two instances on one PostgreSQL database: search and live updates agree (standard library only).

Driven by scripts/two-instance-search.sh. Uses the packaged application and the same browser
calls as scripts/crash_test.py (forms, session cookie, CSRF token, JSON API). Checks:
  1. a note created on A is found by search on B, and arrives on B's live event stream, each
     within 2 s (both latencies printed);
  2. a note edited on B is found by its new words on A within 2 s, and no longer by its old words;
  3. 50 concurrent writers on both instances, B killed with SIGKILL mid-run, B restarted:
     B's search finds every note either instance acknowledged, by words unique to that note,
     and B did not rebuild its index on the restart (it caught up from the outbox).
Prints one summary line; exits non-zero on any failure.
"""

import argparse
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import urllib.request
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crash_test as ct  # noqa: E402  (the same browser, sign-up and process handling)

LIMIT_S = 2.0
REBUILT = "Search index rebuilt"


def log(msg):
    print(f"[two-instance-search {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def fail(msg):
    raise SystemExit(f"TWO-INSTANCE SEARCH FAILED: {msg}")


def found(browser, words, note_id):
    """Whether a search for the words, as this person, lists the note."""
    a = browser.json("GET", "/api/search?q=" + urllib.parse.quote(words))
    if a.status != 200:
        fail(f"search for {words!r} answered {a.status}: {a.body[:200]}")
    return any(n["id"] == note_id for n in a.json()["notes"])


def until(predicate, limit):
    """Seconds until the predicate held, polling every 20 ms, or None after the limit."""
    began = time.monotonic()
    while time.monotonic() - began < limit:
        if predicate():
            return time.monotonic() - began
        time.sleep(0.02)
    return None


class Stream(threading.Thread):
    """A live event stream as live.js opens it: records (name, data, arrival time) of each event."""

    def __init__(self, browser):
        super().__init__(daemon=True)
        self.browser = browser
        self.events = []
        self.hello = threading.Event()

    def run(self):
        req = urllib.request.Request(self.browser.base + "/api/events", headers={"Accept": "text/event-stream"})
        try:
            with self.browser.opener.open(req, timeout=120) as r:
                name, data = None, []
                for raw in r:
                    line = raw.decode("utf-8").rstrip("\n")
                    if line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("data:"):
                        data.append(line[5:].strip())
                    elif line == "":
                        if name:
                            self.events.append((name, "\n".join(data), time.monotonic()))
                            if name == "hello":
                                self.hello.set()
                        name, data = None, []
        except OSError:
            pass

    def saw_note(self, note_id):
        for name, data, _ in self.events:
            if name == "note":
                try:
                    if json.loads(data).get("annotation") == note_id:
                        return True
                except ValueError:
                    pass
        return False


def app(args, name, port):
    data = os.path.join(args.work, name)
    os.makedirs(data, exist_ok=True)
    ns = SimpleNamespace(db="postgresql", jar=args.jar, data_dir=data, port=port, pg_url=args.pg_url,
                         pg_user=args.pg_user, log=os.path.join(args.work, name + ".log"),
                         pid_file=os.path.join(args.work, name + ".pid"))
    a = ct.App(ns)
    a.env["MARGINALIA_LIVE_FANOUT"] = "postgresql"
    return a


def rebuilds(a):
    with open(a.args.log, encoding="utf-8", errors="replace") as f:
        return f.read().count(REBUILT)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--pg-url", required=True)
    p.add_argument("--pg-user", default="postgres")
    p.add_argument("--ports", default="18510,18511")
    p.add_argument("--work", required=True)
    p.add_argument("--writers", type=int, default=50)
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    port_a, port_b = (int(x) for x in args.ports.split(","))
    A, B = app(args, "a", port_a), app(args, "b", port_b)
    log(f"seed={seed} writers={args.writers} jar={args.jar} work={args.work}")
    try:
        for inst, label in ((A, "a"), (B, "b")):
            t = inst.start()
            if t is None:
                fail(f"instance {label} did not start (see {inst.args.log})")
            log(f"instance {label} ready in {t:.1f} s")

        suffix = f"{os.getpid() % 100000}{rng.randrange(1000)}"
        owner_name = f"owner{suffix}"
        owner = ct.register(A.base, owner_name)
        loc = ct.expect(owner.post("/groups", name=f"Two instances {suffix}", description="Search on both.",
                                   timeZone="UTC"), 303, "creating the group").headers["Location"]
        group = int(ct.path_of(loc).split("/")[2])
        owner.get(f"/groups/{group}")
        paper = int(owner.page.options["paperId"][0])
        ct.expect(owner.post(f"/groups/{group}/list", paperId=str(paper)), 303, "adding the paper to the list")
        invite = ct.expect(owner.post(f"/groups/{group}/invitations", days="7"), 303, "creating an invitation")
        owner.get(ct.path_of(invite.headers["Location"]))
        token = owner.page.inputs["new-link"].rsplit("/invite/", 1)[1]
        names = [f"m{i}x{suffix}" for i in range(args.writers)]

        def join(name):
            b = ct.register(A.base, name)
            b.get(f"/invite/{token}")
            ct.expect(b.post(f"/invite/{token}"), 303, "joining the group")

        pending, lock = list(names), threading.Lock()

        def joiner():
            while True:
                with lock:
                    if not pending:
                        return
                    n = pending.pop()
                join(n)

        threads = [threading.Thread(target=joiner) for _ in range(ct.SETUP_THREADS)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        owner_b = ct.sign_in(B.base, owner_name)
        member_b = ct.sign_in(B.base, names[0])

        # 1. Created on A: live on B and found by search on B.
        stream = Stream(member_b)
        stream.start()
        if not stream.hello.wait(10):
            fail("B's event stream sent no hello")
        words = f"alpha{suffix}"
        # The reader page B rendered and kept: current until the write on A, and not after it.
        reader = f"/papers/{paper}?group={group}"
        member_b.get(reader)  # shows (and clears) the sign-in message: a page with one is not kept
        etag = member_b.get(reader).headers.get("ETag")
        if not etag or member_b._send("GET", reader, headers={"If-None-Match": etag}).status != 304:
            fail("B's reader page was not revalidated with a 304 while nothing changed")
        a = owner.json("POST", f"/api/papers/{paper}/annotations",
                       {"groupId": group, "motivation": "COMMENTING", "body": f"created on A {words}", "tags": []})
        if a.status != 201:
            fail(f"creating a note on A answered {a.status}")
        note = a.json()["id"]
        after = member_b._send("GET", reader, headers={"If-None-Match": etag})
        if after.status != 200 or f"created on A {words}" not in after.body:
            fail(f"right after the note was written on A, B's reader answered {after.status} to its old ETag")
        log("B's kept reader page was current before the note on A and not after it")
        live = until(lambda: stream.saw_note(note), 10)
        search_ab = until(lambda: found(owner_b, words, note), 10)
        if live is None or live > LIMIT_S:
            fail(f"the note created on A reached B's live stream in {live} s (limit {LIMIT_S} s)")
        if search_ab is None or search_ab > LIMIT_S:
            fail(f"search on B found the note created on A after {search_ab} s (limit {LIMIT_S} s)")
        log(f"created on A: live on B after {live:.2f} s, found by search on B after {search_ab:.2f} s")

        # 2. Edited on B: found by its new words on A, not by the old ones.
        old, new = f"bravo{suffix}", f"charlie{suffix}"
        c = member_b.json("POST", f"/api/papers/{paper}/annotations",
                          {"groupId": group, "motivation": "COMMENTING", "body": f"on B {old}", "tags": []})
        if c.status != 201:
            fail(f"creating a note on B answered {c.status}")
        mine = c.json()
        e = member_b.json("PUT", f"/api/annotations/{mine['id']}", {"body": f"edited on B {new}", "tags": [],
                                                                    "version": mine["version"]})
        if e.status != 200:
            fail(f"editing on B answered {e.status}: {e.body[:200]}")
        search_ba = until(lambda: found(owner, new, mine["id"]) and not found(owner, old, mine["id"]), 10)
        if search_ba is None or search_ba > LIMIT_S:
            fail(f"search on A saw the edit made on B after {search_ba} s (limit {LIMIT_S} s)")
        log(f"edited on B: search on A has the new words after {search_ba:.2f} s")

        # 3. Writers on both instances; kill -9 B; restart; B's search holds every acknowledged note.
        writers = [ct.sign_in((A if i % 2 == 0 else B).base, n) for i, n in enumerate(names)]
        acked, acked_lock, stop = {}, threading.Lock(), threading.Event()

        def write(i, browser):
            seq = 0
            while not stop.is_set():
                seq += 1
                unique = f"w{i}s{seq}x{suffix}"
                try:
                    r = browser.json("POST", f"/api/papers/{paper}/annotations",
                                     {"groupId": group, "motivation": "COMMENTING",
                                      "body": f"writer {i} note {seq} {unique}", "tags": []})
                except (OSError, ConnectionError):
                    time.sleep(0.1)
                    continue
                if r.status == 201:
                    with acked_lock:
                        acked[r.json()["id"]] = unique
                elif r.status >= 500:
                    log(f"writer {i}: {r.status} {r.body[:120]}")

        rebuilds_before = rebuilds(B)
        threads = [threading.Thread(target=write, args=(i, w), daemon=True) for i, w in enumerate(writers)]
        [t.start() for t in threads]
        time.sleep(rng.uniform(3.0, 8.0))
        B.kill()
        on_b_at_kill = len(acked)
        time.sleep(1.0)  # A's writers go on while B is down
        stop.set()
        [t.join(timeout=90) for t in threads]
        log(f"killed B; {len(acked)} notes acknowledged by A and B ({on_b_at_kill} when B died)")
        if not acked:
            fail("no note was acknowledged: nothing was tested")
        t = B.start()
        if t is None:
            fail(f"B did not start again (see {B.args.log})")
        owner_b = ct.sign_in(B.base, owner_name)
        rebuilt = rebuilds(B) - rebuilds_before
        missing = [nid for nid, unique in sorted(acked.items()) if not found(owner_b, unique, nid)]
        missing_a = [nid for nid, unique in sorted(acked.items()) if not found(owner, unique, nid)]
        print(f"two-instance search: live A→B {live:.2f} s, search A→B {search_ab:.2f} s, edit B→A {search_ba:.2f} s; "
              f"{len(acked)} notes acknowledged by both under {args.writers} writers, B killed and restarted in {t:.1f} s: "
              f"B's search misses {len(missing)}, A's misses {len(missing_a)}, B rebuilt its index {rebuilt} times",
              flush=True)
        if missing or missing_a:
            fail(f"notes not found: on B {missing[:20]}, on A {missing_a[:20]}")
        if rebuilt:
            fail("B rebuilt its search index on the restart instead of catching up from the outbox")
        return 0
    finally:
        A.stop()
        B.stop()


if __name__ == "__main__":
    sys.exit(main())
